package io.qmq.domain.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qmq.domain.message.Subject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BrokerGroupTest {

    private static BrokerGroup group(String name, String address) {
        return new BrokerGroup(name, BrokerGroupKind.REALTIME, address, BrokerState.READ_WRITE, 1_000L);
    }

    @Test
    void acceptsNamedGroupsWithAHostAndPort() {
        assertThat(group("broker-a", "10.0.0.1:20881").masterAddress()).isEqualTo("10.0.0.1:20881");
        assertThat(group("broker-b", "broker-b.example:20881").name()).isEqualTo("broker-b");
        assertThat(group("broker-c", "[::1]:20881").masterAddress()).isEqualTo("[::1]:20881");
    }

    @Test
    void refusesAnEmptyName() {
        assertThatThrownBy(() -> group("", "h:1")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "host", ":20881"})
    void refusesAddressesWithoutHostAndPort(String address) {
        assertThatThrownBy(() -> group("broker-a", address))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("broker-a");
    }

    @ParameterizedTest
    @ValueSource(strings = {"broker-a:", "broker-a:port", "broker-a:70000"})
    void refusesAddressesWhosePortIsNotAPortNumber(String address) {
        assertThatThrownBy(() -> group("broker-a", address)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesMissingParts() {
        assertThatNullPointerException().isThrownBy(() -> group(null, "h:1"));
        assertThatNullPointerException().isThrownBy(() -> group("g", null));
        assertThatNullPointerException().isThrownBy(() -> new BrokerGroup("g", null, "h:1", BrokerState.OFFLINE, 0));
        assertThatNullPointerException().isThrownBy(() -> new BrokerGroup("g", BrokerGroupKind.DELAY, "h:1", null, 0));
    }

    @Test
    void withStateChangesOnlyStateAndTime() {
        BrokerGroup group = new BrokerGroup("delay-a", BrokerGroupKind.DELAY, "h:20801", BrokerState.READ_WRITE, 1_000L);

        BrokerGroup readOnly = group.withState(BrokerState.READ_ONLY, 2_000L);

        assertThat(readOnly).isEqualTo(new BrokerGroup("delay-a", BrokerGroupKind.DELAY, "h:20801", BrokerState.READ_ONLY, 2_000L));
        assertThat(group.state()).isEqualTo(BrokerState.READ_WRITE);
    }

    @Test
    void aRegistrationDefaultsMissingAppCodeAndGroupToEmpty() {
        ClientRegistration producer = new ClientRegistration(Subject.of("orders"), ClientType.PRODUCER, null, "host@@1", null, 5L);

        assertThat(producer.appCode()).isEmpty();
        assertThat(producer.consumerGroup()).isEmpty();
        assertThatNullPointerException().isThrownBy(() ->
                new ClientRegistration(Subject.of("orders"), ClientType.CONSUMER, "app", null, "g", 5L));
        assertThatNullPointerException().isThrownBy(() ->
                new ClientRegistration(null, ClientType.CONSUMER, "app", "c", "g", 5L));
    }
}

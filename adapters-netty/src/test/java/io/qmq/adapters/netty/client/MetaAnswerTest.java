package io.qmq.adapters.netty.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qmq.adapters.netty.codec.MetaInfoResponseBody.Group;
import io.qmq.domain.cluster.ClientType;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetaAnswerTest {

    private static final List<Group> GROUPS = List.of(
            new Group("rw", "10.0.0.1:20881", 0, 1),
            new Group("r", "10.0.0.2:20881", 0, 2),
            new Group("w", "10.0.0.3:20881", 0, 3),
            new Group("nrw", "10.0.0.4:20881", 0, 4),
            new Group("", "10.0.0.5:20881", 0, 1),
            new Group("no-master", "", 0, 1));

    @Test
    void producersKeepWritableGroupsAndConsumersReadableOnesInAnswerOrder() {
        assertThat(MetaClient.usableGroups(ClientType.PRODUCER, GROUPS)).extracting(BrokerRoute::groupName)
                .containsExactly("rw", "w");
        assertThat(MetaClient.usableGroups(ClientType.DELAY_PRODUCER, GROUPS)).extracting(BrokerRoute::groupName)
                .containsExactly("rw", "w");
        assertThat(MetaClient.usableGroups(ClientType.CONSUMER, GROUPS)).extracting(BrokerRoute::groupName)
                .containsExactly("rw", "r");
    }

    @Test
    void anUnknownGroupStateThrowsTheWholeAnswerAway() {
        assertThatThrownBy(() -> MetaClient.usableGroups(ClientType.CONSUMER, List.of(new Group("x", "h:1", 0, 9))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void discoveryAcceptsOnlyHostColonPort() {
        assertThat(MetaAddressLookup.parse("10.0.0.2:20880")).contains("10.0.0.2:20880");
        assertThat(MetaAddressLookup.parse("meta:x")).isEmpty();
        assertThat(MetaAddressLookup.parse("10.0.0.2")).isEmpty();
        assertThat(MetaAddressLookup.parse(":20880")).isEmpty();
        assertThat(MetaAddressLookup.parse("::1:20880")).isEmpty();
    }
}

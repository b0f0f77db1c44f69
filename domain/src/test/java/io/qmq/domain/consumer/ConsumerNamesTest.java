package io.qmq.domain.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qmq.domain.message.Subject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Consumer group and consumer id names: the broker writes them into slash- and newline-separated logs. */
class ConsumerNamesTest {

    @Test
    void keepsTheStockClientsNames() {
        assertThat(ConsumerGroup.of("billing_prod_a").name()).isEqualTo("billing_prod_a");
        assertThat(ConsumerId.of("host-1@@0123456789abcdef0123456789abcdef")).hasToString("host-1@@0123456789abcdef0123456789abcdef");
    }

    @Test
    void lengthIsOneTo255() {
        assertThat(ConsumerGroup.of("g".repeat(ConsumerGroup.MAX_LENGTH)).name()).hasSize(255);
        assertThat(ConsumerId.of("c".repeat(ConsumerId.MAX_LENGTH)).value()).hasSize(255);

        assertThatThrownBy(() -> ConsumerGroup.of("")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("consumer group");
        assertThatThrownBy(() -> ConsumerId.of("")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("consumer id");
        assertThatThrownBy(() -> ConsumerGroup.of("g".repeat(256))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConsumerId.of("c".repeat(256))).isInstanceOf(IllegalArgumentException.class);
        assertThatNullPointerException().isThrownBy(() -> ConsumerGroup.of(null));
        assertThatNullPointerException().isThrownBy(() -> ConsumerId.of(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/b", "a\rb", "a\nb", "a\tb", "a\u0000", "a\u007F", "a\u0085"})
    void refusesSlashesAndControlCharacters(String name) {
        assertThatThrownBy(() -> ConsumerGroup.of(name)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConsumerId.of(name)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSubscriptionIsAGroupOnASubjectAndAConsumerIsAnInstanceInIt() {
        Subscription subscription = new Subscription(Subject.of("orders"), ConsumerGroup.of("billing"));
        Consumer consumer = new Consumer(subscription, ConsumerId.of("host@@1"));

        assertThat(subscription).hasToString("billing@orders");
        assertThat(consumer).hasToString("host@@1/billing@orders");
        assertThat(consumer).isEqualTo(new Consumer(new Subscription(Subject.of("orders"), ConsumerGroup.of("billing")),
                ConsumerId.of("host@@1")));
        assertThatNullPointerException().isThrownBy(() -> new Subscription(null, ConsumerGroup.of("g")));
        assertThatNullPointerException().isThrownBy(() -> new Consumer(subscription, null));
    }
}

package io.qmq.adapters.netty.handler;

import io.qmq.domain.consumer.Consumer;
import io.qmq.domain.consumer.ConsumerGroup;
import io.qmq.domain.consumer.ConsumerId;
import io.qmq.domain.consumer.Subscription;
import io.qmq.domain.message.Subject;
import java.util.Optional;

/**
 * The consumer a pull or ack names by subject, group and consumer id. Stock brokers refuse names that
 * are empty or contain '/', CR or LF; the domain adds its own rules (no whitespace in subjects, length).
 */
final class ConsumerAddress {

    private ConsumerAddress() {
    }

    /** The consumer, or nothing when a name breaks the wire's or the domain's rules. */
    static Optional<Consumer> of(String subject, String group, String consumerId) {
        if (!acceptable(subject) || !acceptable(group) || !acceptable(consumerId)) {
            return Optional.empty();
        }
        try {
            Subscription subscription = new Subscription(Subject.of(subject), ConsumerGroup.of(group));
            return Optional.of(new Consumer(subscription, ConsumerId.of(consumerId)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean acceptable(String name) {
        return !name.isEmpty() && name.indexOf('/') < 0 && name.indexOf('\r') < 0 && name.indexOf('\n') < 0;
    }
}

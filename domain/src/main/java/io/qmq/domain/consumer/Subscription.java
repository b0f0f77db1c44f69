package io.qmq.domain.consumer;

import io.qmq.domain.message.Subject;
import java.util.Objects;

/** A consumer group's stream of one subject: the unit that owns a cursor into the consume log. */
public record Subscription(Subject subject, ConsumerGroup group) {

    public Subscription {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(group, "group");
    }

    @Override
    public String toString() {
        return group + "@" + subject;
    }
}

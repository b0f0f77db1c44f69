package io.qmq.application.port.in;

import io.qmq.domain.consumer.Subscription;

/**
 * @param subscription  the consumer group's stream of a subject
 * @param undelivered   messages stored but not yet handed to any consumer of the group
 * @param unacknowledged messages handed out but not yet acknowledged
 */
public record Backlog(Subscription subscription, long undelivered, long unacknowledged) {

    public long total() {
        return undelivered + unacknowledged;
    }
}

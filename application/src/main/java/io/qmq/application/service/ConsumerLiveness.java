package io.qmq.application.service;

import io.qmq.domain.consumer.Consumer;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each consumer was last heard from: pulls and acks, heartbeat acks included. A consumer not
 * heard from since the broker started counts from the start, so a restart gives every consumer a
 * full timeout to come back.
 */
public final class ConsumerLiveness {

    private final Clock clock;
    private final long startedAt;
    private final ConcurrentHashMap<Consumer, Long> lastSeen = new ConcurrentHashMap<>();

    public ConsumerLiveness(Clock clock) {
        this.clock = clock;
        this.startedAt = clock.millis();
    }

    public void heardFrom(Consumer consumer) {
        lastSeen.put(consumer, clock.millis());
    }

    /** Whether the consumer has been silent for at least {@code timeout}. */
    public boolean isSilent(Consumer consumer, Duration timeout) {
        long seen = lastSeen.getOrDefault(consumer, startedAt);
        return clock.millis() - seen >= timeout.toMillis();
    }
}

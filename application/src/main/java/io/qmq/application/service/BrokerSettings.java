package io.qmq.application.service;

import io.qmq.domain.consumer.StartPosition;
import io.qmq.domain.message.MessageSizeLimit;
import java.time.Duration;
import java.util.Objects;

/**
 * How the broker's use cases behave.
 *
 * @param retryDelay           how long a message sits in a retry subject before it is delivered again
 * @param consumerOfflineAfter how long a consumer may stay silent (no pull, no ack, no heartbeat)
 *                             before what it holds un-acknowledged is redelivered to its group
 * @param newGroupStart        where a consumer group that never pulled a subject begins
 * @param maxPullBytes         the most encoded bytes one pull answer carries (at least one message)
 * @param sizeLimit            the largest message accepted
 */
public record BrokerSettings(Duration retryDelay, Duration consumerOfflineAfter, StartPosition newGroupStart,
                             int maxPullBytes, MessageSizeLimit sizeLimit) {

    public static final BrokerSettings DEFAULTS = new BrokerSettings(Duration.ofSeconds(5), Duration.ofSeconds(30),
            StartPosition.LATEST, 8 * 1024 * 1024, MessageSizeLimit.DEFAULT);

    public BrokerSettings {
        Objects.requireNonNull(retryDelay, "retry delay");
        Objects.requireNonNull(consumerOfflineAfter, "consumer offline timeout");
        Objects.requireNonNull(newGroupStart, "new group start");
        Objects.requireNonNull(sizeLimit, "size limit");
        if (retryDelay.isNegative() || consumerOfflineAfter.isNegative() || consumerOfflineAfter.isZero()) {
            throw new IllegalArgumentException("retry delay must be >= 0 and the offline timeout > 0");
        }
        if (maxPullBytes <= 0) {
            throw new IllegalArgumentException("max pull bytes must be positive, got " + maxPullBytes);
        }
    }
}

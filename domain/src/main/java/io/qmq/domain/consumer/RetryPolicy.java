package io.qmq.domain.consumer;

import java.time.Duration;
import java.util.Objects;

/**
 * How failed deliveries are retried: a failed message is re-published to its group's retry subject
 * and delivered again no sooner than {@code retryDelay} later. The stock client's rule decides when to
 * give up: a message whose next attempt number would exceed {@code maxRetries} goes to the dead-letter
 * subject instead, so a message is delivered at most {@code max(1, maxRetries)} times.
 */
public record RetryPolicy(int maxRetries, Duration retryDelay) {

    /** QMQ's defaults: 32 retries, redelivered after 5 seconds. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(32, Duration.ofSeconds(5));

    public RetryPolicy {
        Objects.requireNonNull(retryDelay, "retry delay");
        if (maxRetries < 0 || retryDelay.isNegative()) {
            throw new IllegalArgumentException("invalid retry policy: " + maxRetries + " retries after " + retryDelay);
        }
    }

    /**
     * Whether a message whose next attempt would be {@code nextAttempt} (the first delivery is attempt
     * 1) has run out of retries.
     */
    public boolean isExhausted(int nextAttempt) {
        return nextAttempt > maxRetries;
    }
}

package io.qmq.domain.delay;

import io.qmq.domain.message.Message;
import java.time.Duration;
import java.util.Objects;

/**
 * How far ahead a message may be scheduled, and when a scheduled message falls due.
 *
 * <p>A message is due at its schedule time; one whose time has passed (or that arrived without one)
 * is due at once. A time beyond the limit is refused, never clamped: clamping would deliver the
 * message before the time its producer asked for.
 */
public record DelayLimit(Duration maxDelay) {

    /** QMQ's limit, which QMQ hard-codes: two years. */
    public static final DelayLimit DEFAULT = new DelayLimit(Duration.ofDays(2 * 366));

    public DelayLimit {
        Objects.requireNonNull(maxDelay, "max delay");
        if (maxDelay.isNegative() || maxDelay.isZero()) {
            throw new IllegalArgumentException("the maximum delay must be positive, got " + maxDelay);
        }
    }

    /**
     * When the message falls due, epoch milliseconds, given the time now.
     *
     * @throws DelayTooLongException when it is scheduled further ahead than the limit
     */
    public long dueTime(Message message, long now) {
        long requested = message.scheduledAt();
        if (requested > now && requested - now > maxDelay.toMillis()) {
            throw new DelayTooLongException(message, Duration.ofMillis(requested - now), maxDelay);
        }
        return Math.max(requested, now);
    }
}

package io.qmq.adapters.filestore.retention;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the message log keeps its segments, and how much disk it may use.
 *
 * @param maxAge        a sealed segment whose last write is older than this is deleted; {@link Duration#ZERO}
 *                      keeps segments forever (by age)
 * @param maxBytes      while the log's segments hold more than this, the oldest sealed ones are deleted;
 *                      0 = no cap. The active segment always stays, so the log may pass the cap by one segment
 * @param checkInterval how often the background sweep runs
 */
public record RetentionPolicy(Duration maxAge, long maxBytes, Duration checkInterval) {

    /** QMQ's default: 72 hours, no size cap, checked every minute. */
    public static final RetentionPolicy DEFAULT = new RetentionPolicy(Duration.ofHours(72), 0, Duration.ofMinutes(1));
    /** Never deletes anything. */
    public static final RetentionPolicy KEEP_FOREVER = new RetentionPolicy(Duration.ZERO, 0, Duration.ofMinutes(1));

    public RetentionPolicy {
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(checkInterval, "checkInterval");
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("maxAge must not be negative, got " + maxAge);
        }
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative, got " + maxBytes);
        }
        if (checkInterval.isNegative() || checkInterval.isZero()) {
            throw new IllegalArgumentException("checkInterval must be positive, got " + checkInterval);
        }
    }

    /** Whether anything can ever be deleted. */
    public boolean deletes() {
        return !maxAge.isZero() || maxBytes > 0;
    }
}

package io.qmq.bootstrap.bench;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How far ahead each message of a delay run is scheduled: a delay drawn uniformly from {@code min} to
 * {@code max}, both inclusive. {@link #NONE} sends realtime messages.
 */
public record DelayWindow(Duration min, Duration max) {

    public static final DelayWindow NONE = new DelayWindow(Duration.ZERO, Duration.ZERO);

    public DelayWindow {
        Objects.requireNonNull(min, "shortest delay");
        Objects.requireNonNull(max, "longest delay");
        if (min.isNegative() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("a delay window needs 0 <= min <= max, got " + min + " to " + max);
        }
    }

    /** Whether messages are scheduled at all. */
    public boolean isSet() {
        return !max.isZero();
    }

    /** The due time, in epoch milliseconds, of a message sent at {@code nowMillis}. */
    long dueMillis(long nowMillis) {
        long spread = max.toMillis() - min.toMillis();
        return nowMillis + min.toMillis() + (spread == 0 ? 0 : ThreadLocalRandom.current().nextLong(spread + 1));
    }
}

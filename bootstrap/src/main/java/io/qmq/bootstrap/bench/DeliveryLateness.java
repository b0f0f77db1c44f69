package io.qmq.bootstrap.bench;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * How late delayed messages arrive: receive time minus due time, in microseconds. A message that
 * arrives before its due time counts as early (and as 0 late); a message id seen before counts as a
 * duplicate and is not recorded again. Safe to call from many listener threads.
 */
final class DeliveryLateness {

    private static final long MICROS_PER_MILLI = 1_000;

    private final LatencyRecorder lateness = new LatencyRecorder();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final AtomicLong early = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();

    void record(String messageId, long dueMillis, long receivedMicros) {
        if (!seen.add(messageId)) {
            duplicates.incrementAndGet();
            return;
        }
        long late = receivedMicros - dueMillis * MICROS_PER_MILLI;
        if (late < 0) {
            early.incrementAndGet();
        }
        lateness.record(Math.max(0, late));
    }

    long early() {
        return early.get();
    }

    long duplicates() {
        return duplicates.get();
    }

    /** Every lateness recorded so far. */
    Histogram total() {
        lateness.nextInterval();
        return lateness.total();
    }
}

package io.qmq.bootstrap.bench;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latencies in microseconds, recorded from many threads without locks. Each progress line takes the
 * interval since the last one; the interval is also added to the run's total for the final report.
 */
final class LatencyRecorder {

    /** Up to one hour; anything slower is clamped, never dropped. */
    private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);
    private static final int SIGNIFICANT_DIGITS = 3;

    private final Recorder recorder = new Recorder(HIGHEST_MICROS, SIGNIFICANT_DIGITS);
    private final Histogram total = new Histogram(HIGHEST_MICROS, SIGNIFICANT_DIGITS);
    private Histogram interval;

    void record(long micros) {
        record(micros, 0);
    }

    /**
     * Records a latency taken at a fixed rate, one value per {@code expectedIntervalMicros}: a value
     * longer than the interval also stands for the sends that waited behind it (HdrHistogram's
     * coordinated-omission correction). An interval of 0 records the value alone.
     */
    void record(long micros, long expectedIntervalMicros) {
        long value = Math.max(0, Math.min(micros, HIGHEST_MICROS));
        if (expectedIntervalMicros > 0) {
            recorder.recordValueWithExpectedInterval(value, expectedIntervalMicros);
        } else {
            recorder.recordValue(value);
        }
    }

    /** What was recorded since the last call; only the reporting thread calls this. */
    synchronized Histogram nextInterval() {
        return nextInterval(true);
    }

    /**
     * What was recorded since the last call, added to the total only when {@code counted}: the
     * intervals of a warm-up (cold JIT, first connections) are shown but left out of the summary.
     */
    synchronized Histogram nextInterval(boolean counted) {
        interval = recorder.getIntervalHistogram(interval);
        if (counted) {
            total.add(interval);
        }
        return interval;
    }

    /** Everything recorded; call {@link #nextInterval()} first to include the latest values. */
    synchronized Histogram total() {
        return total.copy();
    }
}

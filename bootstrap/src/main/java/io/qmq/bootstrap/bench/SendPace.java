package io.qmq.bootstrap.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Paces one producer thread to a fixed rate on an absolute schedule: the n-th send is due at
 * {@code start + n * interval}. A send that comes late is followed by catch-up sends instead of a
 * slower rate, so a stalled broker cannot quietly lower the offered load (coordinated omission).
 * An interval of zero means unpaced: every turn is taken at once.
 */
final class SendPace {

    private final long intervalNanos;
    private long nextDueNanos;

    private SendPace(long intervalNanos, long startNanos) {
        this.intervalNanos = intervalNanos;
        this.nextDueNanos = startNanos;
    }

    /** A pace of {@code ratePerSecond} sends per second; zero or less means as fast as possible. */
    static SendPace of(double ratePerSecond, long startNanos) {
        long interval = ratePerSecond > 0 ? Math.max(1, Math.round(TimeUnit.SECONDS.toNanos(1) / ratePerSecond)) : 0;
        return new SendPace(interval, startNanos);
    }

    /** Waits until the next send is due. */
    void awaitTurn() {
        if (intervalNanos == 0) {
            return;
        }
        long wait;
        while ((wait = nextDueNanos - System.nanoTime()) > 0 && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(wait);
        }
        nextDueNanos += intervalNanos;
    }

    /** The time between two sends in microseconds, 0 when unpaced; HdrHistogram's expected interval. */
    long expectedIntervalMicros() {
        return TimeUnit.NANOSECONDS.toMicros(intervalNanos);
    }
}

package io.qmq.adapters.filestore.writer;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Wakes threads waiting for the log to grow (a master's replication readers) when the writer commits.
 * The writer pays for a notify only while someone waits: it publishes the new position, then reads the
 * waiter count; a waiter counts itself, then reads the position. Both are volatile, so either the
 * writer sees the waiter or the waiter sees the position.
 */
public final class CommitSignal {

    private final Object lock = new Object();
    private volatile int waiters;

    /** Called by the writer after publishing a new committed position. */
    void committed() {
        if (waiters > 0) {
            synchronized (lock) {
                lock.notifyAll();
            }
        }
    }

    /** Waits until {@code committed} passes {@code position} or {@code timeoutNanos} elapse. */
    public void awaitBeyond(LongSupplier committed, long position, long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        synchronized (lock) {
            waiters++;
            try {
                long left = timeoutNanos;
                while (committed.getAsLong() <= position && left > 0) {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                    left = deadline - System.nanoTime();
                }
            } finally {
                waiters--;
            }
        }
    }
}

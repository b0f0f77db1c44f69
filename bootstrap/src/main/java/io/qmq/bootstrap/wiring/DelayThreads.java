package io.qmq.bootstrap.wiring;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The delay server's threads: the timer thread that owns the due-soon entries (one, so the timer needs
 * no locks), a loader that reads windows from the store, and a small pool that reads messages and
 * records forwards (store I/O, kept off the timer and the network threads).
 */
public final class DelayThreads implements AutoCloseable {

    private static final int FORWARDING_THREADS = 2;
    private static final long STOP_WAIT_SECONDS = 5;

    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(named("qmq-delay-timer"));
    private final ExecutorService loader = Executors.newSingleThreadExecutor(named("qmq-delay-loader"));
    private final ExecutorService forwarding =
            Executors.newFixedThreadPool(FORWARDING_THREADS, named("qmq-delay-forward"));

    public ScheduledExecutorService timer() {
        return timer;
    }

    public ExecutorService loader() {
        return loader;
    }

    public ExecutorService forwarding() {
        return forwarding;
    }

    /** Stops firing first, then lets forwards in progress record their outcome. */
    @Override
    public void close() {
        timer.shutdownNow();
        loader.shutdownNow();
        forwarding.shutdown();
        try {
            forwarding.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        forwarding.shutdownNow();
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger next = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + next.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

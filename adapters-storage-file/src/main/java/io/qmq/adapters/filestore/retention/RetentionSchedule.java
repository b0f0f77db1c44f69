package io.qmq.adapters.filestore.retention;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link RetentionSweep} on its own daemon thread every check interval, off the write path, and
 * hands each result to a listener (metrics). A failed sweep is logged and tried again next time.
 */
public final class RetentionSchedule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionSchedule.class);
    private static final long STOP_TIMEOUT_SECONDS = 30;

    private final RetentionSweep sweep;
    private final Consumer<SweepResult> listener;
    private final ScheduledExecutorService executor;

    private RetentionSchedule(RetentionSweep sweep, Consumer<SweepResult> listener, String threadName) {
        this.sweep = sweep;
        this.listener = listener;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts sweeping every {@code interval}, the first time after one interval. */
    public static RetentionSchedule start(RetentionSweep sweep, Duration interval, Consumer<SweepResult> listener,
                                          String threadName) {
        RetentionSchedule schedule = new RetentionSchedule(sweep, listener, threadName);
        long millis = interval.toMillis();
        schedule.executor.scheduleWithFixedDelay(schedule::runOnce, millis, millis, TimeUnit.MILLISECONDS);
        return schedule;
    }

    private void runOnce() {
        try {
            listener.accept(sweep.sweep());
        } catch (IOException | RuntimeException e) {
            LOG.error("Retention sweep failed; trying again at the next interval", e);
        }
    }

    /** Stops the thread, waiting for a sweep under way to finish. */
    @Override
    public void close() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            LOG.warn("Retention sweep still running after {} s at close", STOP_TIMEOUT_SECONDS);
        }
    }
}

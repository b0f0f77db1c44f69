package io.qmq.bootstrap.wiring;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's own thread pools (Netty and the stores own theirs). Named, so a thread dump says what
 * each thread is for; non-daemon workers would keep a half-closed JVM alive, so all are daemons and
 * the node closes them explicitly.
 */
public final class NodeThreads implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NodeThreads.class);
    private static final long TERMINATION_WAIT_SECONDS = 5;

    private final ExecutorService pullWorkers;
    private final ScheduledExecutorService pullTimer;
    private final ScheduledExecutorService housekeeping;

    public NodeThreads(int pullWorkerCount) {
        this.pullWorkers = Executors.newFixedThreadPool(pullWorkerCount, named("qmq-pull-worker"));
        this.pullTimer = Executors.newSingleThreadScheduledExecutor(named("qmq-pull-timer"));
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(named("qmq-housekeeping"));
    }

    public ExecutorService pullWorkers() {
        return pullWorkers;
    }

    public ScheduledExecutorService pullTimer() {
        return pullTimer;
    }

    /** Periodic background tasks: the sweep for silent consumers. */
    public ScheduledExecutorService housekeeping() {
        return housekeeping;
    }

    /** Stops periodic work first, then lets running pulls finish (bounded) before returning. */
    @Override
    public void close() {
        for (ExecutorService pool : List.of(housekeeping, pullTimer, pullWorkers)) {
            pool.shutdown();
        }
        for (ExecutorService pool : List.of(housekeeping, pullTimer, pullWorkers)) {
            awaitTermination(pool);
        }
    }

    private static void awaitTermination(ExecutorService pool) {
        try {
            if (!pool.awaitTermination(TERMINATION_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("threads still busy after {} s; interrupting them", TERMINATION_WAIT_SECONDS);
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
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

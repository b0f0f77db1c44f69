package io.qmq.adapters.netty;

import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The bounded pool a server creates for blocking requests (acks, registrations) when it is not given
 * an executor. When the queue is full it throws {@link java.util.concurrent.RejectedExecutionException},
 * which handlers answer with 51 (the client retries) instead of queueing without limit.
 */
final class BlockingWorkPool {

    static final int THREADS = 4;
    static final int QUEUE_CAPACITY = 10_000;
    private static final long KEEP_ALIVE_SECONDS = 60;
    private static final long STOP_WAIT_SECONDS = 2;

    private BlockingWorkPool() {
    }

    static ExecutorService start(String name) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE_CAPACITY), new DefaultThreadFactory(name, true),
                new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** Lets queued work finish for a moment; whatever remains is dropped (its clients retry). */
    static void stop(ExecutorService pool) {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}

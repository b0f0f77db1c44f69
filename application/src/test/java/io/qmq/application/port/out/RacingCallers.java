package io.qmq.application.port.out;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs callers on their own threads and releases them at the same moment, so that store contracts can
 * check what happens when several meta servers (or handler threads) hit one name together.
 */
final class RacingCallers {

    static final int CALLERS = 4;
    private static final long TIMEOUT_SECONDS = 20;

    private RacingCallers() {
    }

    /** The results of the callers, in the order given; fails if any caller throws or takes too long. */
    static <T> List<T> race(List<Callable<T>> callers) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(callers.size());
        CountDownLatch ready = new CountDownLatch(callers.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> caller : callers) {
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return caller.call();
                }));
            }
            ready.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }
}

package io.qmq.adapters.netty.client;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Sends every finished range of a consumer's streams before it closes, for a bounded time. */
final class AckFlush {

    private static final long RETRY_MILLIS = 50;

    private AckFlush() {
    }

    /** Returns whether everything finished was acknowledged in time. */
    static boolean flush(Collection<StreamSettlement> settlements, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<CompletableFuture<Boolean>> flushes = settlements.stream().map(s -> s.acks().flush()).toList();
            boolean allDone = true;
            for (CompletableFuture<Boolean> flush : flushes) {
                allDone &= await(flush, deadline);
            }
            if (allDone && settlements.stream().allMatch(s -> s.tracker().ackable().isEmpty())) {
                return true;
            }
            Thread.sleep(RETRY_MILLIS);
        }
        return false;
    }

    private static boolean await(CompletableFuture<Boolean> flush, long deadline) throws InterruptedException {
        try {
            return flush.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }
}

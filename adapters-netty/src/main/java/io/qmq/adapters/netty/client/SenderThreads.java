package io.qmq.adapters.netty.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads that drain the producer's queue. Each takes a few batches, sends them and waits until
 * every message of them has an outcome before taking more, so at most (threads x a few batches) are
 * in flight and a slow broker fills the bounded queue instead of memory. On close they keep draining
 * until the queue is empty or the shutdown time is up; whatever is left then fails.
 */
final class SenderThreads {

    private static final Logger LOG = LoggerFactory.getLogger(SenderThreads.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final SendQueue queue;
    private final BatchSender sender;
    private final SendPolicy policy;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopping;

    SenderThreads(SendQueue queue, BatchSender sender, SendPolicy policy, int count) {
        this.queue = queue;
        this.sender = sender;
        this.policy = policy;
        for (int i = 0; i < count; i++) {
            Thread thread = new Thread(this::drain, "qmq-sender-" + i);
            thread.setDaemon(true);
            threads.add(thread);
        }
    }

    void start() {
        threads.forEach(Thread::start);
    }

    private void drain() {
        try {
            while (!stopping || queue.size() > 0) {
                List<CompletableFuture<Void>> inFlight = new ArrayList<>();
                for (List<PendingSend> batch : queue.takeBatches(POLL)) {
                    inFlight.add(sender.send(batch, policy));
                }
                CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Flushes what is queued for up to {@code timeout}, then fails the rest. */
    void close(Duration timeout) {
        stopping = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            thread.interrupt();
        }
        List<PendingSend> left = queue.drainAll();
        if (!left.isEmpty()) {
            LOG.warn("producer closed with {} message(s) unsent", left.size());
        }
        left.forEach(s -> s.result().completeExceptionally(new SendFailedException(s.record().id(),
                s.record().subject().name(), "client closed before it was sent", null)));
    }
}

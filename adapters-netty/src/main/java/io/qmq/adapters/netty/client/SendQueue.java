package io.qmq.adapters.netty.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The producer's bounded queue. {@link #offer} waits up to the enqueue timeout for room and then
 * refuses with {@link ProducerQueueFullException} (a zero timeout refuses at once), so a slow broker
 * pushes back on the application instead of filling the heap. Sender threads take batches: one
 * subject and route type each, at most the batch size.
 */
final class SendQueue {

    private final BlockingQueue<PendingSend> queue;
    private final int capacity;
    private final Duration enqueueTimeout;
    private final int batchSize;

    SendQueue(int capacity, Duration enqueueTimeout, int batchSize) {
        if (capacity <= 0 || batchSize <= 0) {
            throw new IllegalArgumentException("queue capacity and batch size must be positive: " + capacity + ", " + batchSize);
        }
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.capacity = capacity;
        this.enqueueTimeout = enqueueTimeout;
        this.batchSize = batchSize;
    }

    void offer(PendingSend send) {
        boolean accepted;
        try {
            accepted = queue.offer(send, enqueueTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            accepted = false;
        }
        if (!accepted) {
            throw new ProducerQueueFullException(send.record().id(), send.record().subject().name(), capacity, enqueueTimeout);
        }
    }

    /**
     * Waits up to {@code wait} for a message, then takes what else is queued (up to a few batches'
     * worth) and splits it into batches of one route key each, oldest first.
     */
    List<List<PendingSend>> takeBatches(Duration wait) throws InterruptedException {
        PendingSend first = queue.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
        if (first == null) {
            return List.of();
        }
        List<PendingSend> taken = new ArrayList<>();
        taken.add(first);
        queue.drainTo(taken, batchSize * 4 - 1);
        return split(taken);
    }

    private List<List<PendingSend>> split(List<PendingSend> taken) {
        Map<RouteKey, List<PendingSend>> byKey = new LinkedHashMap<>();
        for (PendingSend send : taken) {
            byKey.computeIfAbsent(send.routeKey(), k -> new ArrayList<>()).add(send);
        }
        List<List<PendingSend>> batches = new ArrayList<>();
        for (List<PendingSend> sends : byKey.values()) {
            for (int from = 0; from < sends.size(); from += batchSize) {
                batches.add(List.copyOf(sends.subList(from, Math.min(sends.size(), from + batchSize))));
            }
        }
        return batches;
    }

    /** Everything still queued, for failing it at shutdown. */
    List<PendingSend> drainAll() {
        List<PendingSend> rest = new ArrayList<>();
        queue.drainTo(rest);
        return rest;
    }

    int size() {
        return queue.size();
    }
}

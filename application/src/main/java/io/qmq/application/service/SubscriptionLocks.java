package io.qmq.application.service;

import io.qmq.domain.consumer.Subscription;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises every change to one subscription's cursor and its consumers' pull logs: pulls, acks and
 * redeliveries of one consumer group run one at a time, different groups in parallel.
 */
public final class SubscriptionLocks {

    private final ConcurrentHashMap<Subscription, ReentrantLock> locks = new ConcurrentHashMap<>();

    public <T> T withLock(Subscription subscription, Supplier<T> action) {
        ReentrantLock lock = locks.computeIfAbsent(subscription, s -> new ReentrantLock());
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    public void withLock(Subscription subscription, Runnable action) {
        withLock(subscription, () -> {
            action.run();
            return null;
        });
    }
}

package io.qmq.application.service;

import io.qmq.domain.message.Subject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wakes long-polling pulls when messages of their subject are stored.
 *
 * <p>A waiter runs at most once, on the thread that reports the arrival, so it must only hand work
 * off (to an executor), never do it. To avoid a lost wake-up a caller notes the subject's
 * {@link #version} before it looks at the log, registers, and then compares the version again.
 */
public final class MessageArrivals {

    private final ConcurrentHashMap<Subject, Set<Runnable>> waiters = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Subject, AtomicLong> versions = new ConcurrentHashMap<>();

    /** A number that changes whenever messages of the subject arrive. */
    public long version(Subject subject) {
        AtomicLong version = versions.get(subject);
        return version == null ? 0 : version.get();
    }

    /** Runs {@code onArrival} once, at the next arrival on the subject, unless cancelled first. */
    public void await(Subject subject, Runnable onArrival) {
        waiters.computeIfAbsent(subject, s -> ConcurrentHashMap.newKeySet()).add(onArrival);
    }

    public void cancel(Subject subject, Runnable onArrival) {
        Set<Runnable> set = waiters.get(subject);
        if (set != null) {
            set.remove(onArrival);
        }
    }

    /** Reports that messages of the subject became readable. */
    public void arrived(Subject subject) {
        versions.computeIfAbsent(subject, s -> new AtomicLong()).incrementAndGet();
        Set<Runnable> set = waiters.get(subject);
        if (set == null || set.isEmpty()) {
            return;
        }
        for (Runnable waiter : set) {
            if (set.remove(waiter)) {
                waiter.run();
            }
        }
    }
}

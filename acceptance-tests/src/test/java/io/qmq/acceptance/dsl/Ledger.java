package io.qmq.acceptance.dsl;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Every message the broker acknowledged, by the test's short subject name and batch. Only
 * acknowledged sends are owed to consumers: a send the client gave up on may or may not be stored.
 */
final class Ledger {

    /** The property that carries a message's key, which identifies it across retries and clients. */
    static final String KEY = "acceptance.key";

    record Sent(String key, String subject, String batch) {
    }

    private final AtomicLong nextKey = new AtomicLong();
    private final ConcurrentLinkedQueue<Sent> acknowledged = new ConcurrentLinkedQueue<>();

    String newKey() {
        return "m" + nextKey.incrementAndGet();
    }

    void acknowledged(String key, String subject, String batch) {
        acknowledged.add(new Sent(key, subject, batch));
    }

    Set<String> keysSentTo(String subject) {
        return acknowledged.stream().filter(sent -> sent.subject().equals(subject))
                .map(Sent::key).collect(Collectors.toUnmodifiableSet());
    }

    Set<String> keysOfBatches(String... batches) {
        List<String> wanted = Arrays.asList(batches);
        return acknowledged.stream().filter(sent -> wanted.contains(sent.batch()))
                .map(Sent::key).collect(Collectors.toUnmodifiableSet());
    }

    int count() {
        return acknowledged.size();
    }
}

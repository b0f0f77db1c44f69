package io.qmq.acceptance.dsl;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Every message the broker acknowledged, by the test's short subject name and batch. Only
 * acknowledged sends are owed to consumers: a send the client gave up on may or may not be stored.
 */
final class Ledger {

    /** The property that carries a message's key, which identifies it across retries and clients. */
    static final String KEY = "acceptance.key";
    /** A property whose value, derived from the key, shows that properties arrive unchanged. */
    static final String TEXT = "acceptance.text";

    record Sent(String key, String subject, String batch, Set<String> tags) {
    }

    private final AtomicLong nextKey = new AtomicLong();
    private final Map<String, Sent> acknowledged = new ConcurrentHashMap<>();
    private final Map<String, Long> dueNanos = new ConcurrentHashMap<>();

    String newKey() {
        return "m" + nextKey.incrementAndGet();
    }

    /** The properties a message with {@code key} is sent with. */
    static Map<String, String> propertiesFor(String key) {
        return Map.of(KEY, key, TEXT, textFor(key));
    }

    /** Non-ASCII on purpose: both clients must carry UTF-8 property values intact. */
    static String textFor(String key) {
        return "Grüße, 消息 " + key;
    }

    void acknowledged(String key, String subject, String batch, Set<String> tags) {
        acknowledged.put(key, new Sent(key, subject, batch, Set.copyOf(tags)));
    }

    /** The message with {@code key} is delayed until {@code nanos} on {@link System#nanoTime()}'s scale. */
    void due(String key, long nanos) {
        dueNanos.put(key, nanos);
    }

    /** When the message with {@code key} was due; empty for one sent without a delay. */
    OptionalLong dueNanosOf(String key) {
        Long nanos = dueNanos.get(key);
        return nanos == null ? OptionalLong.empty() : OptionalLong.of(nanos);
    }

    Set<String> keysSentTo(String subject) {
        return acknowledged.values().stream().filter(sent -> sent.subject().equals(subject))
                .map(Sent::key).collect(Collectors.toUnmodifiableSet());
    }

    Set<String> keysOfBatches(String... batches) {
        List<String> wanted = Arrays.asList(batches);
        return acknowledged.values().stream().filter(sent -> wanted.contains(sent.batch()))
                .map(Sent::key).collect(Collectors.toUnmodifiableSet());
    }

    /** The tags the message was sent with; empty for a key never acknowledged. */
    Set<String> tagsOf(String key) {
        Sent sent = acknowledged.get(key);
        return sent == null ? Set.of() : sent.tags();
    }

    int count() {
        return acknowledged.size();
    }
}

package io.qmq.acceptance.dsl;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Every delivery of a keyed message, by group and by consumer instance (short names). Key sets are
 * kept alongside the full list so that "has everything arrived" stays cheap for large runs.
 */
final class Inbox {

    /**
     * One delivery; {@code nanos} is {@link System#nanoTime()} when the listener got to work on it,
     * {@code textIntact} whether its text property arrived unchanged, {@code tags} the tags it carried.
     */
    record Receipt(String key, String group, String consumer, int attempt, long nanos, boolean textIntact,
                   Set<String> tags) {
    }

    private final ConcurrentLinkedQueue<Receipt> receipts = new ConcurrentLinkedQueue<>();
    private final Map<String, Set<String>> keysByGroup = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> keysByConsumer = new ConcurrentHashMap<>();

    void received(Receipt receipt) {
        receipts.add(receipt);
        keysByGroup.computeIfAbsent(receipt.group(), group -> ConcurrentHashMap.newKeySet()).add(receipt.key());
        keysByConsumer.computeIfAbsent(receipt.consumer(), consumer -> ConcurrentHashMap.newKeySet())
                .add(receipt.key());
    }

    Set<String> keysOfGroup(String group) {
        return Set.copyOf(keysByGroup.getOrDefault(group, Set.of()));
    }

    Set<String> keysOfConsumer(String consumer) {
        return Set.copyOf(keysByConsumer.getOrDefault(consumer, Set.of()));
    }

    int countOfGroup(String group) {
        return keysByGroup.getOrDefault(group, Set.of()).size();
    }

    List<Receipt> receiptsOfGroup(String group) {
        return receipts.stream().filter(receipt -> receipt.group().equals(group)).toList();
    }
}

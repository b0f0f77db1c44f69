package io.qmq.application.service;

import io.qmq.application.port.out.MessageForwarder;
import io.qmq.application.port.out.StoredCheck;
import io.qmq.domain.message.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A forwarder that remembers what it forwarded and when, and can be told to fail the next calls. Its
 * broker stores what was forwarded, plus what a test puts in {@link #brokerStores}; whether the broker
 * can be asked about a message is up to {@link #unreachable}; it acknowledges every message forwarded
 * but those whose id is in {@link #refusedIds}.
 */
final class RecordingForwarder implements MessageForwarder {

    record Forwarded(Message message, long at) {
    }

    record Check(List<Message> candidates, long since) {
    }

    final List<Forwarded> forwarded = new CopyOnWriteArrayList<>();
    final List<Message> brokerStores = new CopyOnWriteArrayList<>();
    final List<Check> checks = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresToCome = new AtomicInteger();
    final AtomicBoolean unreachable = new AtomicBoolean();
    final Set<String> refusedIds = ConcurrentHashMap.newKeySet();

    @Override
    public CompletableFuture<List<Message>> forward(List<Message> messages) {
        if (failuresToCome.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return CompletableFuture.failedFuture(new IllegalStateException("broker unreachable (test)"));
        }
        long now = System.currentTimeMillis();
        List<Message> acknowledged = messages.stream().filter(m -> !refusedIds.contains(m.id().value())).toList();
        acknowledged.forEach(m -> forwarded.add(new Forwarded(m, now)));
        brokerStores.addAll(acknowledged);
        return CompletableFuture.completedFuture(acknowledged);
    }

    @Override
    public CompletableFuture<StoredCheck> alreadyStored(List<Message> candidates, long since) {
        checks.add(new Check(List.copyOf(candidates), since));
        if (unreachable.get()) {
            return CompletableFuture.completedFuture(new StoredCheck(List.of(), candidates));
        }
        List<Message> stored = new ArrayList<>();
        for (Message candidate : candidates) {
            if (brokerStores.contains(candidate)) {
                stored.add(candidate);
            }
        }
        return CompletableFuture.completedFuture(new StoredCheck(stored, List.of()));
    }

    List<String> ids() {
        return forwarded.stream().map(f -> f.message().id().value()).toList();
    }

    @Override
    public void close() {
    }
}

package io.qmq.application.service;

import io.qmq.application.port.out.MessageForwarder;
import io.qmq.domain.message.Message;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A forwarder that remembers what it forwarded and when, and can be told to fail the next calls. */
final class RecordingForwarder implements MessageForwarder {

    record Forwarded(Message message, long at) {
    }

    final List<Forwarded> forwarded = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresToCome = new AtomicInteger();

    @Override
    public CompletableFuture<List<Message>> forward(List<Message> messages) {
        if (failuresToCome.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return CompletableFuture.failedFuture(new IllegalStateException("broker unreachable (test)"));
        }
        long now = System.currentTimeMillis();
        messages.forEach(m -> forwarded.add(new Forwarded(m, now)));
        return CompletableFuture.completedFuture(messages);
    }

    List<String> ids() {
        return forwarded.stream().map(f -> f.message().id().value()).toList();
    }

    @Override
    public void close() {
    }
}

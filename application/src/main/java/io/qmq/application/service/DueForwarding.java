package io.qmq.application.service;

import io.qmq.application.port.out.DelayMetrics;
import io.qmq.application.port.out.MessageForwarder;
import io.qmq.application.port.out.ScheduleStore;
import io.qmq.domain.delay.ScheduleEntry;
import io.qmq.domain.delay.ScheduledMessage;
import io.qmq.domain.message.Message;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Forwards one batch of due entries: reads the messages still pending behind them (a cancelled one is
 * gone), hands them to a realtime broker, and records each acknowledged one as forwarded so that it
 * is never forwarded again. What failed comes back to be tried later.
 */
public final class DueForwarding {

    private static final System.Logger LOG = System.getLogger(DueForwarding.class.getName());

    private final ScheduleStore store;
    private final MessageForwarder forwarder;
    private final DelayMetrics metrics;
    private final Clock clock;
    private final Executor executor;

    public DueForwarding(ScheduleStore store, MessageForwarder forwarder, DelayMetrics metrics, Clock clock,
                         Executor executor) {
        this.store = store;
        this.forwarder = forwarder;
        this.metrics = metrics;
        this.clock = clock;
        this.executor = executor;
    }

    /** Completes with the entries to try again; never exceptionally. */
    CompletableFuture<List<ScheduleEntry>> forward(List<ScheduleEntry> entries) {
        return CompletableFuture.supplyAsync(() -> stillPending(entries), executor)
                .thenCompose(pending -> pending.isEmpty()
                        ? CompletableFuture.completedFuture(List.<ScheduleEntry>of())
                        : forwarder.forward(new ArrayList<>(pending.keySet()))
                                .thenApplyAsync(acknowledged -> settle(pending, acknowledged), executor))
                .exceptionally(failure -> {
                    LOG.log(System.Logger.Level.WARNING, "forwarding " + entries.size() + " due messages failed; will retry", failure);
                    metrics.forwardFailed(entries.size());
                    return entries;
                });
    }

    private Map<Message, ScheduleEntry> stillPending(List<ScheduleEntry> entries) {
        Map<Message, ScheduleEntry> pending = new IdentityHashMap<>();
        for (ScheduleEntry entry : entries) {
            Optional<ScheduledMessage> scheduled = store.read(entry);
            scheduled.ifPresent(s -> pending.put(s.message(), entry));
        }
        return pending;
    }

    private List<ScheduleEntry> settle(Map<Message, ScheduleEntry> pending, List<Message> acknowledged) {
        Set<Message> done = Collections.newSetFromMap(new IdentityHashMap<>());
        done.addAll(acknowledged);
        long now = clock.millis();
        List<ScheduleEntry> retry = new ArrayList<>();
        pending.forEach((message, entry) -> {
            if (done.contains(message)) {
                store.markForwarded(entry);
                metrics.messageForwarded(message.subject(), Duration.ofMillis(Math.max(0, now - entry.dueAt())));
            } else {
                retry.add(entry);
            }
        });
        if (!retry.isEmpty()) {
            metrics.forwardFailed(retry.size());
        }
        return retry;
    }
}

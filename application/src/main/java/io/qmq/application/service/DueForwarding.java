package io.qmq.application.service;

import io.qmq.application.port.out.DelayMetrics;
import io.qmq.application.port.out.MessageForwarder;
import io.qmq.application.port.out.ScheduleStore;
import io.qmq.application.port.out.StoredCheck;
import io.qmq.domain.delay.InDoubtDispatch;
import io.qmq.domain.delay.ScheduleEntry;
import io.qmq.domain.delay.ScheduledMessage;
import io.qmq.domain.message.Message;
import io.qmq.domain.message.Subject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Forwards one batch of due entries: reads the messages still pending behind them (a cancelled one is
 * gone), records in the store that their forward begins, hands them to a realtime broker, and records
 * each acknowledged one as forwarded so that it is never forwarded again. What failed comes back to be
 * tried later.
 *
 * <p>Exactly once across crashes: a message whose forward began but whose outcome was never recorded
 * (the process died in between, or no answer came) is <em>in doubt</em>. Before it is forwarded again
 * the brokers of its subject are asked whether they store it already; if one does it is only recorded
 * as forwarded. If a broker cannot be asked, it stays in doubt and is tried later: a guess either way
 * would lose or duplicate it.
 */
public final class DueForwarding {

    private static final System.Logger LOG = System.getLogger(DueForwarding.class.getName());

    private final ScheduleStore store;
    private final MessageForwarder forwarder;
    private final DelayMetrics metrics;
    private final Clock clock;
    private final Executor executor;
    /**
     * Schedule id to when its first forward began, for every entry whose forward began and is not yet
     * recorded as forwarded: in flight, failed (no answer may mean the broker stored it), or found so by
     * the store at open. An entry stays until it is forwarded, found stored, found gone from the store,
     * or {@link #forget forgotten} once cancelled: every one of these paths removes it, so a cancelled
     * message never leaves an entry behind.
     */
    private final Map<Long, Long> inDoubt = new ConcurrentHashMap<>();

    /** Takes over the dispatches the store found in doubt when it opened. */
    public DueForwarding(ScheduleStore store, MessageForwarder forwarder, DelayMetrics metrics, Clock clock,
                         Executor executor) {
        this.store = store;
        this.forwarder = forwarder;
        this.metrics = metrics;
        this.clock = clock;
        this.executor = executor;
        for (InDoubtDispatch dispatch : store.dispatchesInDoubt()) {
            inDoubt.put(dispatch.entry().scheduleId(), dispatch.dispatchedAt());
        }
    }

    /**
     * Lets go of a cancelled entry (its message is no longer pending, so nothing about it can be in
     * doubt). Call it again for an entry that was being forwarded when it was cancelled, once that
     * forward has completed: the forward may have recorded it anew.
     */
    void forget(ScheduleEntry entry) {
        inDoubt.remove(entry.scheduleId());
    }

    /** How many entries are in doubt; for tests. */
    int inDoubtCount() {
        return inDoubt.size();
    }

    /** Completes with the entries to try again; never exceptionally. */
    CompletableFuture<List<ScheduleEntry>> forward(List<ScheduleEntry> entries) {
        return CompletableFuture.supplyAsync(() -> stillPending(entries), executor)
                .thenCompose(this::checkThenForward)
                .exceptionally(failure -> retryAll(entries, failure));
    }

    /** Counts as failed those of the batch not forwarded: all, unless the failure says how many. */
    private List<ScheduleEntry> retryAll(List<ScheduleEntry> entries, Throwable failure) {
        LOG.log(System.Logger.Level.WARNING, "forwarding " + entries.size() + " due messages failed; will retry", failure);
        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
        int failed = cause instanceof UnrecordedForward unrecorded ? unrecorded.notForwarded : entries.size();
        if (failed > 0) {
            metrics.forwardFailed(failed);
        }
        return entries;
    }

    private Map<Message, ScheduleEntry> stillPending(List<ScheduleEntry> entries) {
        Map<Message, ScheduleEntry> pending = new IdentityHashMap<>();
        for (ScheduleEntry entry : entries) {
            Optional<ScheduledMessage> scheduled = store.read(entry);
            if (scheduled.isPresent()) {
                pending.put(scheduled.get().message(), entry);
            } else {
                inDoubt.remove(entry.scheduleId()); // cancelled or settled meanwhile
            }
        }
        return pending;
    }

    /** Asks about the entries in doubt first; those found are settled, the rest go out with the others. */
    private CompletableFuture<List<ScheduleEntry>> checkThenForward(Map<Message, ScheduleEntry> pending) {
        List<Message> doubtful = pending.entrySet().stream()
                .filter(e -> inDoubt.containsKey(e.getValue().scheduleId())).map(Map.Entry::getKey).toList();
        if (doubtful.isEmpty()) {
            return send(pending, List.of());
        }
        long since = doubtful.stream().mapToLong(m -> inDoubt.get(pending.get(m).scheduleId())).min().orElseThrow();
        return forwarder.alreadyStored(doubtful, since)
                .thenApplyAsync(check -> settleFound(pending, check), executor)
                .thenCompose(unanswered -> send(pending, unanswered));
    }

    /** Records the found ones as forwarded and takes them out of {@code pending}; answers the unanswered. */
    private List<ScheduleEntry> settleFound(Map<Message, ScheduleEntry> pending, StoredCheck check) {
        Map<Subject, Integer> foundPerSubject = new LinkedHashMap<>();
        List<ScheduleEntry> found = new ArrayList<>();
        for (Message message : check.stored()) {
            found.add(pending.remove(message));
            foundPerSubject.merge(message.subject(), 1, Integer::sum);
        }
        List<ScheduleEntry> unanswered = new ArrayList<>();
        for (Message message : check.unanswered()) {
            unanswered.add(pending.remove(message));
        }
        recordForwarded(found, pending.size());
        foundPerSubject.forEach(metrics::foundAlreadyStored);
        if (!check.stored().isEmpty()) {
            LOG.log(System.Logger.Level.INFO, check.stored().size() + " due messages whose forward was in doubt were"
                    + " already stored by a broker; recorded as forwarded, not sent again");
        }
        if (!unanswered.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, unanswered.size() + " due messages stay in doubt: a broker of their"
                    + " subject could not be asked whether it stores them; will ask again");
        }
        return unanswered;
    }

    /** Forwards what is pending, after recording that its forward begins; {@code retry} are added to the answer. */
    private CompletableFuture<List<ScheduleEntry>> send(Map<Message, ScheduleEntry> pending, List<ScheduleEntry> retry) {
        if (pending.isEmpty()) {
            return CompletableFuture.completedFuture(retry);
        }
        long now = clock.millis();
        List<ScheduleEntry> entries = new ArrayList<>(pending.values());
        store.markDispatching(entries, now);
        entries.forEach(e -> inDoubt.putIfAbsent(e.scheduleId(), now));
        return forwarder.forward(new ArrayList<>(pending.keySet()))
                .thenApplyAsync(acknowledged -> settle(pending, acknowledged, retry), executor);
    }

    private List<ScheduleEntry> settle(Map<Message, ScheduleEntry> pending, List<Message> acknowledged,
                                      List<ScheduleEntry> retry) {
        Set<Message> done = Collections.newSetFromMap(new IdentityHashMap<>());
        done.addAll(acknowledged);
        long now = clock.millis();
        List<ScheduleEntry> again = new ArrayList<>(retry);
        List<ScheduleEntry> forwarded = new ArrayList<>();
        pending.forEach((message, entry) -> (done.contains(message) ? forwarded : again).add(entry));
        int failed = again.size() - retry.size();
        recordForwarded(forwarded, failed);
        pending.forEach((message, entry) -> {
            if (done.contains(message)) {
                metrics.messageForwarded(message.subject(), Duration.ofMillis(Math.max(0, now - entry.dueAt())));
            }
        });
        if (failed > 0) {
            metrics.forwardFailed(failed);
        }
        return again;
    }

    /**
     * One durable write for the batch; only then are the entries no longer in doubt. If it fails they
     * stay in doubt, and the failure tells how many of the batch were not forwarded: only those count
     * as failed forwards.
     */
    private void recordForwarded(List<ScheduleEntry> entries, int notForwarded) {
        if (entries.isEmpty()) {
            return;
        }
        try {
            store.markForwarded(entries);
        } catch (RuntimeException e) {
            throw new UnrecordedForward(entries.size(), notForwarded, e);
        }
        entries.forEach(e -> inDoubt.remove(e.scheduleId()));
    }

    /** A broker stores messages of the batch, but the store could not record them as forwarded. */
    private static final class UnrecordedForward extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int notForwarded;

        UnrecordedForward(int stored, int notForwarded, RuntimeException cause) {
            super(stored + " due messages a broker stores could not be recorded as forwarded; they stay in doubt"
                    + " and are checked before any new forward", cause);
            this.notForwarded = notForwarded;
        }
    }
}

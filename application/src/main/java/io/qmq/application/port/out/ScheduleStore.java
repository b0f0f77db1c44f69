package io.qmq.application.port.out;

import io.qmq.domain.delay.DueMessage;
import io.qmq.domain.delay.InDoubtDispatch;
import io.qmq.domain.delay.ScheduleEntry;
import io.qmq.domain.delay.ScheduledMessage;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Where the delay server keeps scheduled messages, on disk, by due time, until they are forwarded or
 * cancelled. Memory must not grow with the number of messages pending far ahead: only the entries of
 * a window asked for are brought into memory.
 *
 * <p>Implementations are thread-safe.
 */
public interface ScheduleStore extends AutoCloseable {

    /**
     * Stores the messages, each under a new schedule id (increasing in acceptance order). The future
     * completes once they are stored as the flush policy promises, with one entry per message in the
     * given order (the timer keeps entries, not messages); exceptionally with a
     * {@link MessageLogException} when they cannot be.
     */
    CompletableFuture<List<ScheduleEntry>> add(List<DueMessage> messages);

    /**
     * The entries of pending messages (neither forwarded nor cancelled) due in
     * {@code [fromInclusive, toExclusive)}, ordered by due time then schedule id.
     */
    List<ScheduleEntry> pendingBetween(long fromInclusive, long toExclusive);

    /** The message behind an entry, if it is still pending. */
    Optional<ScheduledMessage> read(ScheduleEntry entry);

    /**
     * Records, before the entries are handed to a realtime broker, that their forward begins at
     * {@code atMillis}. The record survives a crash of the process (it is handed to the operating system
     * before this returns; it need not be forced), so that a restart knows which messages a broker may
     * already hold. A later record for an entry keeps the earliest time.
     */
    void markDispatching(List<ScheduleEntry> entries, long atMillis);

    /**
     * The pending messages whose forward was recorded as beginning before the store was last opened,
     * and that were neither forwarded nor cancelled since: a broker may have stored them. Each appears
     * once, with the earliest time recorded for it, ordered by due time then schedule id. Answers what
     * was found at open, less what was settled since.
     */
    List<InDoubtDispatch> dispatchesInDoubt();

    /** How many messages are pending (neither forwarded nor cancelled), exactly. */
    long pendingCount();

    /**
     * Records durably that the messages were forwarded and acknowledged by a realtime broker; none is
     * forwarded again, even after a crash. Entries no longer pending are skipped. The batch is made
     * durable together (one force under the sync policy, not one per message) before this returns; a
     * crash before then leaves any subset recorded, and the rest pending.
     */
    void markForwarded(List<ScheduleEntry> entries);

    /** Records durably that the message is cancelled; returns false if it was no longer pending. */
    boolean cancel(ScheduleEntry entry);

    @Override
    void close();
}

package io.qmq.adapters.metrics;

import io.qmq.application.port.out.ScheduleStore;
import io.qmq.domain.delay.DueMessage;
import io.qmq.domain.delay.InDoubtDispatch;
import io.qmq.domain.delay.ScheduleEntry;
import io.qmq.domain.delay.ScheduledMessage;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/** A schedule store that only reports a pending count the test sets; everything else is unsupported. */
final class CountingStore implements ScheduleStore {

    private final AtomicLong pending;

    CountingStore(AtomicLong pending) {
        this.pending = pending;
    }

    @Override
    public long pendingCount() {
        return pending.get();
    }

    @Override
    public CompletableFuture<List<ScheduleEntry>> add(List<DueMessage> messages) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<ScheduleEntry> pendingBetween(long fromInclusive, long toExclusive) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<ScheduledMessage> read(ScheduleEntry entry) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void markDispatching(List<ScheduleEntry> entries, long atMillis) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<InDoubtDispatch> dispatchesInDoubt() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void markForwarded(List<ScheduleEntry> entries) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean cancel(ScheduleEntry entry) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
    }
}

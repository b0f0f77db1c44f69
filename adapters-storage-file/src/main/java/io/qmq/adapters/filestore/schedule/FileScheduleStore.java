package io.qmq.adapters.filestore.schedule;

import io.qmq.application.port.out.MessageLogException;
import io.qmq.application.port.out.ScheduleCatalog;
import io.qmq.application.port.out.ScheduleStore;
import io.qmq.domain.delay.DueMessage;
import io.qmq.domain.delay.InDoubtDispatch;
import io.qmq.domain.delay.ScheduleEntry;
import io.qmq.domain.delay.ScheduledMessage;
import io.qmq.domain.message.MessageId;
import io.qmq.domain.message.Subject;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Scheduled messages in files: bodies in the {@link ScheduleLog}, entries by due time in
 * {@link ScheduleSegments}, forwarded and cancelled ones in each segment's {@link SettleFile}. Memory
 * holds a small object per segment and the settled ids of segments in use, never the pending entries
 * beyond the window a caller asks for.
 *
 * <p>Directory layout: {@code log/<number>.log} (schedule log), {@code segments/<start>-<end>-<firstId>.index}
 * and {@code .settled} (one pair per span of due times), {@code schedule-ids} ({@link IdReservation}),
 * {@code dispatching} ({@link DispatchJournal}), {@code schedule.lock} ({@link StoreLock}).
 *
 * <p>An entry's location is its record's location in the schedule log. Every read checks the record
 * there against the entry (checksum, id, due time), so nothing is served from damaged bytes.
 */
final class FileScheduleStore implements ScheduleStore, ScheduleCatalog {

    private static final Comparator<ScheduleEntry> DUE_ORDER =
            Comparator.comparingLong(ScheduleEntry::dueAt).thenComparingLong(ScheduleEntry::scheduleId);

    private final ScheduleStoreConfig config;
    private final StoreLock lock;
    private final ScheduleLog log;
    private final ScheduleSegments segments;
    private final IndexAppenders appenders;
    private final ScheduleWriter writer;
    private final CatalogScan catalog;
    private final LogRetention retention;
    private final DispatchJournal dispatches;
    private volatile boolean closed;

    private FileScheduleStore(ScheduleStoreConfig config, StoreLock lock, ScheduleLog log, ScheduleSegments segments,
                              IdReservation ids, LogRetention retention) throws IOException {
        this.config = config;
        this.lock = lock;
        this.log = log;
        this.segments = segments;
        this.retention = retention;
        this.appenders = new IndexAppenders(config.maxOpenIndexFiles(), config.flush());
        log.onSeal(retention::sealed);
        BatchWrite batchWrite = new BatchWrite(log, segments, ids, appenders, config.flush(), retention);
        this.writer = new ScheduleWriter(batchWrite, () -> {
            log.force();
            appenders.force();
        }, config.queueCapacity(), config.flush(), config.flushInterval());
        this.catalog = new CatalogScan(log, segments);
        this.dispatches = DispatchJournal.open(config.dir(), this::isPending);
    }

    /**
     * Opens (or creates) the store in the configured directory, recovering from a crash. If that fails,
     * what was opened is closed again, the directory lock included, so that a later open can succeed.
     */
    static FileScheduleStore open(ScheduleStoreConfig config) {
        List<Closeable> opened = new ArrayList<>();
        try {
            Files.createDirectories(config.dir());
            StoreLock lock = StoreLock.acquire(config.dir());
            opened.add(lock::close);
            return openLocked(config, lock, opened);
        } catch (IOException e) {
            closeAfterFailure(opened, e);
            throw new MessageLogException("could not open the schedule store in " + config.dir(), e);
        } catch (RuntimeException e) {
            closeAfterFailure(opened, e);
            throw e;
        }
    }

    /** Opens the rest once the directory is locked, adding each part to {@code opened} as it opens. */
    private static FileScheduleStore openLocked(ScheduleStoreConfig config, StoreLock lock, List<Closeable> opened)
            throws IOException {
        ScheduleLog log = ScheduleLog.open(config.logDir(), config.logSegmentBytes());
        opened.add(log);
        ScheduleSegments segments = ScheduleSegments.open(config.segmentsDir(), config.segmentSpan().toMillis(),
                config.flush());
        opened.add(() -> closeFiles(segments));
        IdReservation ids = IdReservation.open(config.dir(), log.lastLoggedId());
        LogRetention retention = LogRetention.count(log, segments);
        FileScheduleStore store = new FileScheduleStore(config, lock, log, segments, ids, retention);
        store.writer.start();
        return store;
    }

    /** Closes the parts of a failed open, newest first; their own failures are attached to the cause. */
    private static void closeAfterFailure(List<Closeable> opened, Exception cause) {
        for (int i = opened.size() - 1; i >= 0; i--) {
            try {
                opened.get(i).close();
            } catch (IOException | RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
    }

    private static void closeFiles(ScheduleSegments segments) throws IOException {
        for (ScheduleSegment segment : segments.all()) {
            segment.closeFiles();
        }
    }

    @Override
    public CompletableFuture<List<ScheduleEntry>> add(List<DueMessage> messages) {
        AddRequest request = new AddRequest(List.copyOf(messages), new CompletableFuture<>());
        return messages.isEmpty() && !closed ? CompletableFuture.completedFuture(List.of()) : writer.submit(request);
    }

    @Override
    public List<ScheduleEntry> pendingBetween(long fromInclusive, long toExclusive) {
        List<ScheduleEntry> pending = new ArrayList<>();
        if (fromInclusive >= toExclusive) {
            return pending;
        }
        for (ScheduleSegment segment : List.copyOf(segments.overlapping(fromInclusive, toExclusive))) {
            List<ScheduleEntry> inSegment = new ArrayList<>();
            try {
                segment.forEachEntry(entry -> {
                    if (entry.dueAt() >= fromInclusive && entry.dueAt() < toExclusive && log.holds(entry.location())) {
                        inSegment.add(new ScheduleEntry(entry.scheduleId(), entry.dueAt(), entry.location()));
                    }
                });
                segment.dropSettled(inSegment, log);
            } catch (IOException e) {
                throw new MessageLogException("could not read " + segment, e);
            }
            forgetIfCompleted(segment);
            inSegment.sort(DUE_ORDER);
            pending.addAll(inSegment);
        }
        return pending;
    }

    @Override
    public Optional<ScheduledMessage> read(ScheduleEntry entry) {
        ScheduleSegment segment = segmentOf(entry);
        try {
            if (segment == null || segment.isSettled(entry.scheduleId(), log)) {
                return Optional.empty();
            }
            return Optional.ofNullable(record(entry)).map(r -> ScheduleRecord.read(r, 0));
        } catch (IOException e) {
            throw new MessageLogException("could not read scheduled message " + entry.scheduleId() + " from " + segment, e);
        }
    }

    @Override
    public void markDispatching(List<ScheduleEntry> entries, long atMillis) {
        if (entries.isEmpty()) {
            return;
        }
        try {
            dispatches.dispatching(entries, atMillis);
        } catch (IOException e) {
            throw new MessageLogException("could not record the dispatch of " + entries.size() + " messages in "
                    + config.dir(), e);
        }
    }

    @Override
    public List<InDoubtDispatch> dispatchesInDoubt() {
        return dispatches.inDoubt();
    }

    @Override
    public long pendingCount() {
        return retention.pendingTotal();
    }

    /** Appends every settlement first, then forces each segment's file once for all of them. */
    @Override
    public void markForwarded(List<ScheduleEntry> entries) {
        Map<ScheduleSegment, List<ScheduleEntry>> appended = new LinkedHashMap<>();
        for (ScheduleEntry entry : entries) {
            ScheduleSegment segment = appendSettlement(entry, SettleFile.FORWARDED);
            if (segment != null) {
                appended.computeIfAbsent(segment, s -> new ArrayList<>()).add(entry);
            }
        }
        appended.forEach(this::awaitSettled);
    }

    @Override
    public boolean cancel(ScheduleEntry entry) {
        ScheduleSegment segment = appendSettlement(entry, SettleFile.CANCELLED);
        if (segment != null) {
            awaitSettled(segment, List.of(entry));
        }
        return segment != null;
    }

    /** Appends the entry's settlement to its segment's file; answers that segment, or null if it was not pending. */
    private ScheduleSegment appendSettlement(ScheduleEntry entry, int outcome) {
        ScheduleSegment segment = segmentOf(entry);
        try {
            if (segment == null || record(entry) == null) {
                return null;
            }
            boolean settled = segment.settle(entry.scheduleId(), outcome, log);
            forgetIfCompleted(segment);
            return settled ? segment : null;
        } catch (IOException e) {
            throw new MessageLogException("could not settle scheduled message " + entry.scheduleId() + " in " + segment, e);
        }
    }

    /** Returns once the segment's settlements are durable, then stops counting the entries as pending. */
    private void awaitSettled(ScheduleSegment segment, List<ScheduleEntry> entries) {
        try {
            segment.awaitDurable();
            for (ScheduleEntry entry : entries) {
                retention.settled(entry.location());
                dispatches.settled(entry.scheduleId());
            }
        } catch (IOException e) {
            throw new MessageLogException("could not complete the settlement of " + entries.size()
                    + " scheduled messages in " + segment, e);
        }
    }

    private boolean isPending(ScheduleEntry entry) throws IOException {
        ScheduleSegment segment = segmentOf(entry);
        return segment != null && !segment.isSettled(entry.scheduleId(), log) && record(entry) != null;
    }

    /** The intact log record behind the entry, if it is the entry's message. */
    private ByteBuffer record(ScheduleEntry entry) throws IOException {
        ByteBuffer record = log.read(entry.location());
        boolean matches = record != null && ScheduleRecord.scheduleId(record, 0) == entry.scheduleId()
                && ScheduleRecord.dueAt(record, 0) == entry.dueAt();
        return matches ? record : null;
    }

    private ScheduleSegment segmentOf(ScheduleEntry entry) {
        ScheduleSegment segment = segments.holding(entry.dueAt());
        return segment != null && segment.mayHold(entry.scheduleId(), entry.dueAt()) ? segment : null;
    }

    private void forgetIfCompleted(ScheduleSegment segment) {
        if (segment.isDeleted()) {
            segments.forget(segment);
        }
    }

    @Override
    public List<ScheduleEntry> pendingWithId(MessageId id) {
        return catalog.pendingWithId(id);
    }

    @Override
    public long countPending(Subject subject, long fromInclusive, long toExclusive) {
        return catalog.countPending(subject, fromInclusive, toExclusive);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        writer.stop();
        try {
            appenders.close();
            dispatches.close();
            closeFiles(segments);
            log.close();
            lock.close();
        } catch (IOException e) {
            throw new MessageLogException("could not close the schedule store in " + config.dir(), e);
        }
    }
}

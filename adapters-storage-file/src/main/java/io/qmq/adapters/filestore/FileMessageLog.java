package io.qmq.adapters.filestore;

import io.qmq.adapters.filestore.checkpoint.DirectoryLock;
import io.qmq.adapters.filestore.checkpoint.SnapshotFiles;
import io.qmq.adapters.filestore.index.ConsumeIndex;
import io.qmq.adapters.filestore.index.IndexCheckpoint;
import io.qmq.adapters.filestore.index.IndexCheckpointWriter;
import io.qmq.adapters.filestore.index.IndexRecovery;
import io.qmq.adapters.filestore.index.SubjectLog;
import io.qmq.adapters.filestore.reader.MessageReader;
import io.qmq.adapters.filestore.retention.RetentionSchedule;
import io.qmq.adapters.filestore.retention.RetentionSweep;
import io.qmq.adapters.filestore.retention.SweepResult;
import io.qmq.adapters.filestore.segment.SegmentedLog;
import io.qmq.adapters.filestore.writer.AppendRing;
import io.qmq.adapters.filestore.writer.CheckpointCapture;
import io.qmq.adapters.filestore.writer.FlushSchedule;
import io.qmq.adapters.filestore.writer.MessageWriter;
import io.qmq.application.port.out.BrokerMetrics;
import io.qmq.application.port.out.MessageLog;
import io.qmq.application.port.out.MessageLogException;
import io.qmq.domain.message.Message;
import io.qmq.domain.message.StoredMessage;
import io.qmq.domain.message.Subject;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The message log in segment files under {@code messages/}, with per-subject consume logs under
 * {@code index/}. Appends go through one ring to one writer thread ({@link MessageWriter}); reads are
 * positional and run on the caller's thread. Opening recovers ({@link IndexRecovery}) and checkpoints;
 * closing drains the ring, forces and checkpoints, so a reopen replays nothing.
 *
 * <p>Retention: a {@link RetentionSweep} runs once at open (finishing a sweep a crash interrupted) and
 * then on its own thread every check interval, deleting expired segments and the consume-log chunks
 * that point only into them. A read from a sequence older than the oldest retained one starts at the
 * oldest; the messages skipped are logged and counted.
 *
 * <p>Durability: with {@link FlushPolicy#ASYNC} an append completes once in the page cache (a killed
 * process loses nothing; a machine crash loses at most about one flush interval); with
 * {@link FlushPolicy#SYNC} once forced, appends that arrive together sharing one force. When the ring
 * is full an append fails at once with {@link MessageLogException} instead of blocking the caller,
 * which is typically a network thread.
 */
final class FileMessageLog implements MessageLog {

    private static final Logger LOG = LoggerFactory.getLogger(FileMessageLog.class);
    private static final int WRITE_BUFFER_BYTES = 4 * 1024 * 1024;
    private static final long STOP_TIMEOUT_MILLIS = 30_000;

    private final DirectoryLock lock;
    private final SegmentedLog log;
    private final ConsumeIndex index;
    private final MessageWriter writer;
    private final AppendRing ring;
    private final FlushSchedule schedule;
    private final IndexCheckpointWriter checkpoints;
    private final MessageReader reader;
    private final BrokerMetrics metrics;
    private final RetentionSweep sweep;
    private final RetentionSchedule retention;
    private final LongAdder appending = new LongAdder();
    private volatile boolean closed;

    private FileMessageLog(DirectoryLock lock, SegmentedLog log, ConsumeIndex index, IndexCheckpointWriter checkpoints,
                           FileStoreConfig config, Clock clock, RetentionSweep sweep, BrokerMetrics metrics) {
        this.metrics = metrics;
        this.lock = lock;
        this.log = log;
        this.index = index;
        this.checkpoints = checkpoints;
        this.reader = new MessageReader(log, index);
        this.writer = new MessageWriter(log, index, clock, config.flush() == FlushPolicy.SYNC, WRITE_BUFFER_BYTES);
        this.ring = AppendRing.start(writer, config.ringSize(), "filestore-writer");
        this.schedule = new FlushSchedule(log, writer, ring, checkpoints, "filestore-flusher");
        schedule.start(config.flush() == FlushPolicy.ASYNC, config.flushInterval(), config.checkpointInterval());
        this.sweep = sweep;
        this.retention = RetentionSchedule.start(sweep, config.retention().checkInterval(),
                result -> metrics.messageLogSwept(result.bytesOnDisk(), result.segmentsDeleted(), result.bytesDeleted()),
                "filestore-retention");
    }

    /** Opens (and recovers) the message log in {@code config.dataDir()}. */
    static FileMessageLog open(FileStoreConfig config, Clock clock) {
        return open(config, clock, BrokerMetrics.NONE);
    }

    /** Opens (and recovers) the message log in {@code config.dataDir()}, reporting its retention to {@code metrics}. */
    static FileMessageLog open(FileStoreConfig config, Clock clock, BrokerMetrics metrics) {
        OpenedFiles opened = new OpenedFiles();
        try {
            DirectoryLock lock = opened.add(DirectoryLock.acquire(config.messagesDir()));
            SegmentedLog log = opened.add(SegmentedLog.open(config.messagesDir(), config.segmentBytes()));
            ConsumeIndex index = opened.add(ConsumeIndex.open(config.indexDir(), config.maxOpenIndexFiles(),
                    config.indexEntriesPerFile()));
            SnapshotFiles snapshots = new SnapshotFiles(config.indexDir(), "checkpoint");
            Set<SubjectLog> replayed = new IndexRecovery(log, index).recover(snapshots.newest().map(s -> IndexCheckpoint.decode(s.content())));
            IndexCheckpointWriter checkpoints = new IndexCheckpointWriter(log, index, snapshots);
            checkpoints.write(IndexCheckpoint.of(log.end(), index.subjects()), replayed);
            RetentionSweep sweep = new RetentionSweep(log, index, config.retention(), clock, checkpoints::retainedPosition);
            SweepResult first = sweep.sweep();
            metrics.messageLogSwept(first.bytesOnDisk(), first.segmentsDeleted(), first.bytesDeleted());
            return new FileMessageLog(lock, log, index, checkpoints, config, clock, sweep, metrics);
        } catch (IOException | RuntimeException e) {
            opened.closeAfter(e);
            throw new MessageLogException("cannot open the message log in " + config.dataDir(), e);
        }
    }

    @Override
    public CompletableFuture<List<StoredMessage>> append(List<Message> messages) {
        if (messages.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        appending.increment();
        try {
            if (closed) {
                return CompletableFuture.failedFuture(new MessageLogException("message log " + log.dir() + " is closed"));
            }
            CompletableFuture<List<StoredMessage>> appended = new CompletableFuture<>();
            if (!ring.offer(List.copyOf(messages), appended)) {
                return CompletableFuture.failedFuture(new MessageLogException("message log " + log.dir()
                        + " is busy: its append ring is full; retry"));
            }
            return appended;
        } finally {
            appending.decrement();
        }
    }

    @Override
    public List<StoredMessage> read(Subject subject, long fromSequence, int maxMessages, int maxBytes) {
        SubjectLog state = index.subject(subject);
        if (state == null) {
            return List.of();
        }
        long expired = state.firstSequence() - Math.max(0, fromSequence);
        if (expired > 0) {
            LOG.info("A read of {} from sequence {} starts at {}, the oldest retained: {} messages expired unread",
                    subject, fromSequence, state.firstSequence(), expired);
            metrics.expiredMessagesSkipped(subject, expired);
        }
        try {
            return reader.read(state, fromSequence, maxMessages, maxBytes);
        } catch (IOException e) {
            throw new MessageLogException("cannot read subject " + subject + " from sequence " + fromSequence + " in " + log.dir(), e);
        }
    }

    @Override
    public long endSequence(Subject subject) {
        SubjectLog state = index.subject(subject);
        return state == null ? 0 : state.readableEnd();
    }

    @Override
    public Set<Subject> subjects() {
        return index.subjects().stream().filter(s -> s.readableEnd() > 0).map(SubjectLog::subject).collect(Collectors.toUnmodifiableSet());
    }

    /** This log as a master's slave reads it. */
    FileReplicationSource replicationSource() {
        return new FileReplicationSource(log, writer);
    }

    /** This log as a slave's copy of its master's; only for a log that takes no appends of its own. */
    FileReplicaLog replicaLog() {
        return FileReplicaLog.open(ring, log, index);
    }

    /** The log position up to which the log is known forced to disk (tests of the flush policy). */
    long forcedPosition() {
        return writer.forcedPosition();
    }

    /** Runs a retention sweep now, as the background thread does (tests with a fake clock). */
    SweepResult sweepRetention() throws IOException {
        return sweep.sweep();
    }

    int openIndexFiles() {
        return index.openFiles();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            while (appending.sum() > 0) {
                Thread.onSpinWait();
            }
            retention.close();
            schedule.stop();
            ring.stop(STOP_TIMEOUT_MILLIS);
            if (!writer.hasFailed()) {
                CheckpointCapture last = writer.capture();
                checkpoints.write(last.checkpoint(), last.written());
            }
            index.close();
            log.close();
            lock.close();
        } catch (IOException | com.lmax.disruptor.TimeoutException e) {
            throw new MessageLogException("closing the message log in " + log.dir() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MessageLogException("interrupted while closing the message log in " + log.dir(), e);
        }
    }
}

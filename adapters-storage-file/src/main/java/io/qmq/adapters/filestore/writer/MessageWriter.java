package io.qmq.adapters.filestore.writer;

import com.lmax.disruptor.EventHandler;
import io.qmq.adapters.filestore.codec.MessageRecord;
import io.qmq.adapters.filestore.index.ConsumeIndex;
import io.qmq.adapters.filestore.index.IndexCheckpoint;
import io.qmq.adapters.filestore.index.IndexStaging;
import io.qmq.adapters.filestore.index.RecordIndexer;
import io.qmq.adapters.filestore.index.SubjectLog;
import io.qmq.adapters.filestore.segment.RecordFrame;
import io.qmq.adapters.filestore.segment.SegmentedLog;
import io.qmq.application.port.out.LogChunk;
import io.qmq.application.port.out.MessageLogException;
import io.qmq.application.port.out.ReplicaChunkException;
import io.qmq.application.port.out.ReplicaMark;
import io.qmq.domain.message.Message;
import io.qmq.domain.message.StoredMessage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only thread that writes the message log and the consume logs. It takes producers' batches from
 * the ring, gives each message the next sequence of its subject, encodes records into one reusable
 * direct buffer and, at the end of each ring batch (group commit): writes the buffer, writes each
 * touched subject's index entries in one write, forces the log if the policy is {@code sync}, makes
 * the new sequences readable and only then completes the producers' futures.
 *
 * <p>On a slave the writer also copies chunks of the master's log ({@link ReplicaAppender}), committed
 * like a batch, so the log, the consume logs and checkpoints keep one owner.
 *
 * <p>After a write error (or a bug) the writer stops: the batch and every later append fail with a
 * {@link MessageLogException}, and a restart recovers by checksum. Messages of the failed batch may
 * still be on disk, which the port allows (producers retry; consumers see a message at least once).
 */
public final class MessageWriter implements EventHandler<AppendEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(MessageWriter.class);

    private final SegmentedLog log;
    private final ConsumeIndex index;
    private final IndexStaging staging;
    private final Clock clock;
    private final boolean forceEachBatch;
    private final ByteBuffer buffer;
    private final PendingAppends pending = new PendingAppends();
    private final ReplicaAppender replicas;
    private final CommitSignal commits = new CommitSignal();
    private final Set<SubjectLog> writtenSinceCapture = new HashSet<>();
    private volatile long committedPosition;
    private final AtomicLong forcedPosition;
    private volatile Exception failure;

    public MessageWriter(SegmentedLog log, ConsumeIndex index, Clock clock, boolean forceEachBatch, int bufferBytes) {
        this.log = log;
        this.index = index;
        this.staging = new IndexStaging(index);
        this.replicas = new ReplicaAppender(log, new RecordIndexer(index));
        this.clock = clock;
        this.forceEachBatch = forceEachBatch;
        this.buffer = ByteBuffer.allocateDirect(bufferBytes);
        this.committedPosition = log.end();
        this.forcedPosition = new AtomicLong(log.end());
    }

    @Override
    public void onEvent(AppendEvent event, long sequence, boolean endOfBatch) {
        try {
            if (event.checkpoint != null) {
                commit();
                if (failure == null) {
                    event.checkpoint.complete(capture());
                } else {
                    event.checkpoint.completeExceptionally(stoppedException());
                }
            } else if (event.replica != null) {
                replicate(event.replica, event.replicated);
            } else {
                stage(event.messages, event.appended);
            }
            if (endOfBatch) {
                commit();
            }
        } catch (IOException | RuntimeException e) {
            // a runtime failure here is a bug; stopping beats letting the Disruptor kill the thread
            // and leave every later producer waiting
            stop(e);
            failEvent(event);
        } finally {
            event.clear();
        }
    }

    /** The log position up to which appends are complete. */
    public long committedPosition() {
        return committedPosition;
    }

    /** Wakes those waiting for {@link #committedPosition()} to grow. */
    public CommitSignal commits() {
        return commits;
    }

    /** The log position up to which the log is known to be forced to disk. */
    public long forcedPosition() {
        return forcedPosition.get();
    }

    /** Records that the log was forced after {@code position} was committed (background flush). */
    public void forced(long position) {
        forcedPosition.accumulateAndGet(position, Math::max);
    }

    /** Whether a write failed, so that the in-memory state may run ahead of the files. */
    public boolean hasFailed() {
        return failure != null;
    }

    /**
     * Takes a checkpoint capture; on the writer thread, or by the closing thread once the writer
     * stopped. Only valid while the writer has not failed.
     */
    public CheckpointCapture capture() {
        List<SubjectLog> written = List.copyOf(writtenSinceCapture);
        writtenSinceCapture.clear();
        return new CheckpointCapture(IndexCheckpoint.of(committedPosition, index.subjects()), written);
    }

    private void stage(List<Message> messages, CompletableFuture<List<StoredMessage>> appended) throws IOException {
        if (failure != null) {
            appended.completeExceptionally(stoppedException());
            return;
        }
        int[] bodies = new int[messages.size()];
        try {
            for (int i = 0; i < bodies.length; i++) {
                bodies[i] = MessageRecord.bodyBytes(index.subjectOrCreate(messages.get(i).subject()).name(), messages.get(i));
            }
        } catch (IllegalArgumentException e) {
            appended.completeExceptionally(new MessageLogException("cannot store a message of this batch: " + e.getMessage(), e));
            return;
        }
        long now = clock.millis();
        List<StoredMessage> stored = new ArrayList<>(bodies.length);
        for (int i = 0; i < bodies.length; i++) {
            stored.add(appendRecord(messages.get(i), bodies[i], now));
        }
        pending.add(appended, stored);
    }

    private StoredMessage appendRecord(Message message, int bodyBytes, long now) throws IOException {
        int frameBytes = RecordFrame.frameBytes(bodyBytes);
        if (!log.fits(buffer.position(), frameBytes)) {
            writeBuffer();
            log.roll();
        }
        if (frameBytes > buffer.remaining()) {
            writeBuffer();
        }
        ByteBuffer target = frameBytes > buffer.capacity() ? ByteBuffer.allocate(frameBytes) : buffer;
        long position = log.end() + buffer.position();
        SubjectLog subject = index.subjectOrCreate(message.subject());
        long sequence = subject.takeSequence(position);
        int frameStart = target.position();
        target.position(frameStart + RecordFrame.BODY_OFFSET);
        MessageRecord.write(target, subject.name(), sequence, now, message);
        RecordFrame.seal(target, frameStart, bodyBytes);
        if (target != buffer) {
            log.append(target.flip());
        }
        staging.add(subject, sequence, position, frameBytes, message.size(), now);
        return new StoredMessage(sequence, now, message);
    }

    private void replicate(LogChunk chunk, CompletableFuture<ReplicaMark> replicated) throws IOException {
        commit();
        if (failure != null) {
            replicated.completeExceptionally(stoppedException());
            return;
        }
        ReplicaMark mark;
        try {
            mark = replicas.append(chunk, staging);
        } catch (ReplicaChunkException e) {
            replicated.completeExceptionally(e);
            return;
        }
        commit();
        if (committedPosition < mark.end()) {
            // every record of the chunk was one its subject already had, so nothing was staged to commit
            committedPosition = mark.end();
            commits.committed();
        }
        replicated.complete(mark);
    }

    private void commit() throws IOException {
        if (pending.isEmpty() && staging.size() == 0) {
            return;
        }
        writeBuffer();
        staging.writeAll();
        long end = log.end();
        if (forceEachBatch) {
            log.forceActive();
            forced(end);
        }
        for (SubjectLog subject : staging.touched()) {
            subject.publish();
            writtenSinceCapture.add(subject);
        }
        staging.clear();
        committedPosition = end;
        commits.committed();
        pending.completeAll();
    }

    private void writeBuffer() throws IOException {
        if (buffer.position() > 0) {
            buffer.flip();
            log.append(buffer);
            buffer.clear();
        }
    }

    private void failEvent(AppendEvent event) {
        if (event.appended != null) {
            event.appended.completeExceptionally(stoppedException());
        }
        if (event.checkpoint != null) {
            event.checkpoint.completeExceptionally(stoppedException());
        }
        if (event.replicated != null) {
            event.replicated.completeExceptionally(stoppedException());
        }
    }

    private void stop(Exception e) {
        failure = e;
        LOG.error("Message log {} stopped after a write failure; appends fail until a restart recovers it", log.dir(), e);
        pending.failAll(stoppedException());
        staging.clear();
        buffer.clear();
    }

    private MessageLogException stoppedException() {
        return new MessageLogException("message log " + log.dir() + " stopped after a write failure", failure);
    }
}

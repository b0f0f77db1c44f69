package io.qmq.adapters.filestore;

import io.qmq.adapters.filestore.index.ConsumeIndex;
import io.qmq.adapters.filestore.index.SubjectLog;
import io.qmq.adapters.filestore.segment.RecordFrame;
import io.qmq.adapters.filestore.segment.SegmentedLog;
import io.qmq.adapters.filestore.writer.AppendRing;
import io.qmq.application.port.out.LogChunk;
import io.qmq.application.port.out.MessageLogException;
import io.qmq.application.port.out.ReplicaLog;
import io.qmq.application.port.out.ReplicaMark;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * A slave's copy of its master's log: chunks go through the append ring to the one writer thread,
 * which checks, writes and indexes them ({@link io.qmq.adapters.filestore.writer.ReplicaAppender}).
 * The mark starts from what recovery left (the last record is the latest of any subject's) and then
 * follows each append, so it is read without touching the writer's state.
 */
final class FileReplicaLog implements ReplicaLog {

    private final AppendRing ring;
    private final SegmentedLog log;
    private volatile ReplicaMark mark;

    private FileReplicaLog(AppendRing ring, SegmentedLog log, ReplicaMark mark) {
        this.ring = ring;
        this.log = log;
        this.mark = mark;
    }

    /** Must be called before the writer takes anything from the ring (the open log's state is read). */
    static FileReplicaLog open(AppendRing ring, SegmentedLog log, ConsumeIndex index) {
        long last = index.subjects().stream().mapToLong(SubjectLog::lastPosition).max().orElse(-1);
        if (last < log.start()) {
            // no record, or the last one went with a segment retention deleted (the active one is empty)
            return new FileReplicaLog(ring, log, new ReplicaMark(log.end(), -1, 0));
        }
        try {
            ByteBuffer header = ByteBuffer.allocate(RecordFrame.HEADER_BYTES);
            log.read(header, last);
            return new FileReplicaLog(ring, log, new ReplicaMark(log.end(), last, header.getInt(RecordFrame.CRC_OFFSET)));
        } catch (IOException e) {
            throw new MessageLogException("cannot read the last record of " + log.dir() + " at " + last, e);
        }
    }

    @Override
    public ReplicaMark mark() {
        return mark;
    }

    @Override
    public CompletableFuture<ReplicaMark> append(LogChunk chunk) {
        CompletableFuture<ReplicaMark> replicated = new CompletableFuture<>();
        if (!ring.offerReplica(chunk, replicated)) {
            return CompletableFuture.failedFuture(new MessageLogException("message log " + log.dir() + " is busy"));
        }
        return replicated.thenApply(next -> {
            mark = next;
            return next;
        });
    }
}

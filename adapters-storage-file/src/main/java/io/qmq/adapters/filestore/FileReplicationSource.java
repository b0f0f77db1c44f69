package io.qmq.adapters.filestore;

import io.qmq.adapters.filestore.segment.RecordFrame;
import io.qmq.adapters.filestore.segment.SegmentedLog;
import io.qmq.adapters.filestore.writer.MessageWriter;
import io.qmq.application.port.out.LogChunk;
import io.qmq.application.port.out.MessageLogException;
import io.qmq.application.port.out.ReplicaDivergedException;
import io.qmq.application.port.out.ReplicaMark;
import io.qmq.application.port.out.ReplicationSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * The master's message log read as raw frames for its slave. Only committed bytes are shipped (a
 * record the writer is still writing is never half-sent), a chunk never crosses a segment (records
 * never do) and always ends on a frame boundary, so the slave can check every frame it receives.
 * Reads are positional and run on the caller's thread; waiting for new records uses the writer's
 * {@link io.qmq.adapters.filestore.writer.CommitSignal}.
 *
 * <p>Retention: a slave asking for bytes before the master's oldest retained segment is refused for
 * good with the gap named; the master never holds segments back for a slave.
 */
final class FileReplicationSource implements ReplicationSource {

    private final SegmentedLog log;
    private final MessageWriter writer;

    FileReplicationSource(SegmentedLog log, MessageWriter writer) {
        this.log = log;
        this.writer = writer;
    }

    @Override
    public long committedEnd() {
        return writer.committedPosition();
    }

    @Override
    public void verify(ReplicaMark replica) {
        long end = committedEnd();
        if (replica.end() > end) {
            throw new ReplicaDivergedException("the slave's copy ends at log position " + replica.end()
                    + ", past the master's end " + end + ": it holds records the master does not have");
        }
        long start = log.start();
        if (replica.end() < start) {
            throw retentionGap(replica.end(), start);
        }
        if (replica.isEmpty()) {
            if (replica.end() != start) {
                throw new ReplicaDivergedException("the slave's copy is empty at position " + replica.end()
                        + " but the master's log starts at " + start);
            }
            return;
        }
        if (replica.lastRecordStart() < start) {
            return; // the master deleted the slave's last record by retention; the slave ends exactly on a kept one
        }
        if (!holdsRecord(replica)) {
            throw new ReplicaDivergedException("the slave's last record (log position " + replica.lastRecordStart()
                    + ", ending at " + replica.end() + ") is not the master's record there: the copies diverged");
        }
    }

    @Override
    public LogChunk read(long position, int maxBytes, Duration wait) throws InterruptedException {
        long start = log.start();
        if (position < start) {
            throw retentionGap(position, start);
        }
        if (position > committedEnd()) {
            throw new ReplicaDivergedException("log position " + position + " lies outside the master's log ["
                    + log.start() + ", " + committedEnd() + ")");
        }
        writer.commits().awaitBeyond(writer::committedPosition, position, wait.toNanos());
        long end = committedEnd();
        if (end == position) {
            return new LogChunk(position, new byte[0], end);
        }
        try {
            return new LogChunk(position, wholeFrames(position, Math.min(end, log.segmentEnd(position)), maxBytes), end);
        } catch (IOException e) {
            throw new MessageLogException("cannot read the message log in " + log.dir() + " at " + position + " for the slave", e);
        }
    }

    /**
     * The slave needs bytes the master no longer has: fatal for that slave, never skipped over, since
     * its copy would silently lack every message in the gap.
     */
    private ReplicaDivergedException retentionGap(long needed, long start) {
        return new ReplicaDivergedException("the slave needs log positions [" + needed + ", " + start
                + ") but the master's retention has deleted them (its log now starts at " + start + "); the slave "
                + "cannot catch up: seed it again from a copy of the master's data directory");
    }

    private boolean holdsRecord(ReplicaMark replica) {
        try {
            ByteBuffer header = ByteBuffer.allocate(RecordFrame.HEADER_BYTES);
            log.read(header, replica.lastRecordStart());
            int bodyLength = header.getInt(RecordFrame.LENGTH_OFFSET);
            return RecordFrame.isPlausibleLength(bodyLength)
                    && replica.lastRecordStart() + RecordFrame.frameBytes(bodyLength) == replica.end()
                    && header.getInt(RecordFrame.CRC_OFFSET) == replica.lastRecordCheck();
        } catch (IOException e) {
            return false;
        }
    }

    /** The frames from {@code position} to at most {@code limit}: up to {@code maxBytes}, at least one. */
    private byte[] wholeFrames(long position, long limit, int maxBytes) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(RecordFrame.HEADER_BYTES);
        log.read(header, position);
        int bodyLength = header.getInt(RecordFrame.LENGTH_OFFSET);
        if (!RecordFrame.isPlausibleLength(bodyLength)) {
            throw new ReplicaDivergedException("log position " + position + " is not the start of a record in the master's log");
        }
        int first = RecordFrame.frameBytes(bodyLength);
        ByteBuffer bytes = ByteBuffer.allocate((int) Math.min(limit - position, Math.max(first, maxBytes)));
        log.read(bytes, position);
        int whole = 0;
        while (bytes.limit() - whole >= RecordFrame.HEADER_BYTES) {
            int frame = RecordFrame.frameBytes(bytes.getInt(whole + RecordFrame.LENGTH_OFFSET));
            if (frame > bytes.limit() - whole) {
                break;
            }
            whole += frame;
        }
        byte[] chunk = new byte[whole];
        bytes.get(0, chunk);
        return chunk;
    }
}

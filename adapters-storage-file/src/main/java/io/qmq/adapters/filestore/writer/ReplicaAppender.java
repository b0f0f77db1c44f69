package io.qmq.adapters.filestore.writer;

import io.qmq.adapters.filestore.codec.MessageRecord;
import io.qmq.adapters.filestore.index.IndexStaging;
import io.qmq.adapters.filestore.index.RecordIndexer;
import io.qmq.adapters.filestore.segment.RecordFrame;
import io.qmq.adapters.filestore.segment.SegmentedLog;
import io.qmq.application.port.out.LogChunk;
import io.qmq.application.port.out.ReplicaChunkException;
import io.qmq.application.port.out.ReplicaMark;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends a chunk of the master's log to a slave's copy, verbatim and at the same positions. Every
 * frame of the chunk is checked (length, checksum, record version) before a byte is written, and the
 * chunk must end on a frame boundary: a damaged or truncated chunk is refused whole and asked for again.
 * Records are written in runs, rolling a segment before a record that would overflow it (the rule the
 * master's writer follows, so a record never spans segments), then indexed as recovery would.
 *
 * <p>Writer thread only; it fills the writer's staging, which the writer's commit writes and publishes.
 */
final class ReplicaAppender {

    private final SegmentedLog log;
    private final RecordIndexer indexer;

    ReplicaAppender(SegmentedLog log, RecordIndexer indexer) {
        this.log = log;
        this.indexer = indexer;
    }

    /** Writes the chunk and stages its index entries; returns the copy's mark after it. */
    ReplicaMark append(LogChunk chunk, IndexStaging staging) throws IOException {
        if (chunk.position() != log.end()) {
            throw new ReplicaChunkException("chunk at log position " + chunk.position() + " does not continue the copy in "
                    + log.dir() + ", which ends at " + log.end());
        }
        ByteBuffer bytes = ByteBuffer.wrap(chunk.bytes());
        List<Integer> frames = frameStarts(bytes, chunk.position());
        int runStart = 0;
        for (int start : frames) {
            int frameBytes = RecordFrame.frameBytes(bytes.getInt(start + RecordFrame.LENGTH_OFFSET));
            if (!log.fits(start - runStart, frameBytes)) {
                log.append(bytes.duplicate().limit(start).position(runStart));
                log.roll();
                runStart = start;
            }
        }
        log.append(bytes.duplicate().position(runStart));
        for (int start : frames) {
            int bodyLength = bytes.getInt(start + RecordFrame.LENGTH_OFFSET);
            indexer.index(chunk.position() + start, bytes.duplicate().limit(start + RecordFrame.BODY_OFFSET + bodyLength)
                    .position(start + RecordFrame.BODY_OFFSET).slice(), staging);
        }
        int last = frames.get(frames.size() - 1);
        return new ReplicaMark(chunk.end(), chunk.position() + last, bytes.getInt(last + RecordFrame.CRC_OFFSET));
    }

    /** The start of every frame, all checked; refuses the chunk at the first bad one. */
    private static List<Integer> frameStarts(ByteBuffer bytes, long position) {
        List<Integer> starts = new ArrayList<>();
        int at = 0;
        while (at < bytes.limit()) {
            if (bytes.limit() - at < RecordFrame.HEADER_BYTES) {
                throw damaged(position, at, "a truncated frame header");
            }
            if (!RecordFrame.isIntact(bytes, at)) {
                throw damaged(position, at, "a frame with a bad length or checksum, or cut short");
            }
            if (bytes.get(at + RecordFrame.BODY_OFFSET + MessageRecord.VERSION_OFFSET) != MessageRecord.VERSION) {
                throw damaged(position, at, "a record of unknown version");
            }
            starts.add(at);
            at += RecordFrame.frameBytes(bytes.getInt(at + RecordFrame.LENGTH_OFFSET));
        }
        if (starts.isEmpty()) {
            throw new ReplicaChunkException("empty chunk at log position " + position);
        }
        return starts;
    }

    private static ReplicaChunkException damaged(long position, int offset, String what) {
        return new ReplicaChunkException("chunk from the master refused unwritten: " + what + " at log position "
                + (position + offset));
    }
}

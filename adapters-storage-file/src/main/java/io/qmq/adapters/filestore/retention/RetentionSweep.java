package io.qmq.adapters.filestore.retention;

import io.qmq.adapters.filestore.index.ConsumeIndex;
import io.qmq.adapters.filestore.index.IndexEntry;
import io.qmq.adapters.filestore.index.SubjectLog;
import io.qmq.adapters.filestore.segment.Segment;
import io.qmq.adapters.filestore.segment.SegmentedLog;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the message log's expired segments and the consume-log chunks that only point into them.
 * Runs on a background thread (never the writer's), one sweep at a time.
 *
 * <p>Which segments: a prefix of the sealed ones (the active segment always stays), each either older
 * than the policy's age (by its file's last-modified time, which a sealed segment never changes) or
 * needed to bring the log under the size cap, and each ending at or before the last index checkpoint,
 * so recovery never needs a deleted byte: it replays from that checkpoint.
 *
 * <p>Order, so that no reader and no crash ever meets an index entry into a deleted segment without
 * knowing it: (1) every subject's first retained sequence moves past the entries before the new start;
 * (2) the segments are deleted, oldest first; (3) the chunks wholly before the new first sequences are
 * deleted. A crash after (2) leaves chunks that point before the log's start; the sweep at the next open
 * finds them (it checks each subject's first entry against the log's start) and finishes the job.
 */
public final class RetentionSweep {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionSweep.class);

    private final SegmentedLog log;
    private final ConsumeIndex index;
    private final RetentionPolicy policy;
    private final Clock clock;
    private final LongSupplier checkpointedPosition;
    /** The log start every subject was last checked against; entries written since point past it. */
    private long checkedStart = -1;

    private record Advance(SubjectLog subject, long from, long to) {
    }

    /**
     * @param checkpointedPosition the log position of the newest index checkpoint on disk
     */
    public RetentionSweep(SegmentedLog log, ConsumeIndex index, RetentionPolicy policy, Clock clock,
                          LongSupplier checkpointedPosition) {
        this.log = log;
        this.index = index;
        this.policy = policy;
        this.clock = clock;
        this.checkpointedPosition = checkpointedPosition;
    }

    public synchronized SweepResult sweep() throws IOException {
        long bytesBefore = log.bytes();
        long newStart = Math.max(log.start(), cutPosition());
        List<Advance> advances = new ArrayList<>();
        if (newStart != checkedStart) {
            for (SubjectLog subject : index.subjects()) {
                advance(subject, newStart, advances);
            }
        }
        int segmentsDeleted = log.deleteBefore(newStart);
        int filesDeleted = 0;
        for (Advance advance : advances) {
            filesDeleted += index.trim(advance.subject(), advance.to(), advance.from());
        }
        checkedStart = newStart;
        long bytesAfter = log.bytes();
        if (segmentsDeleted > 0) {
            LOG.info("Retention deleted {} message-log segments ({} bytes) of {}; the log now starts at {}; "
                    + "{} consume-log files deleted", segmentsDeleted, bytesBefore - bytesAfter, log.dir(), log.start(), filesDeleted);
        }
        return new SweepResult(segmentsDeleted, Math.max(0, bytesBefore - bytesAfter), filesDeleted, bytesAfter);
    }

    /** The start of the first segment to keep. */
    long cutPosition() throws IOException {
        if (!policy.deletes()) {
            return log.start();
        }
        List<Segment> segments = log.segments();
        Instant expiredBefore = policy.maxAge().isZero() ? Instant.MIN : clock.instant().minus(policy.maxAge());
        long checkpointed = checkpointedPosition.getAsLong();
        long remaining = log.bytes();
        long cut = segments.get(0).base();
        for (Segment segment : segments.subList(0, segments.size() - 1)) {
            boolean expired = Files.getLastModifiedTime(segment.path()).toInstant().isBefore(expiredBefore);
            boolean overCap = policy.maxBytes() > 0 && remaining > policy.maxBytes();
            if (!(expired || overCap) || segment.end() > checkpointed) {
                break;
            }
            remaining -= segment.size();
            cut = segment.end();
        }
        return cut;
    }

    private void advance(SubjectLog subject, long newStart, List<Advance> advances) throws IOException {
        long first = subject.firstSequence();
        long end = subject.readableEnd();
        if (first >= end) {
            return;
        }
        ByteBuffer entry = index.read(subject, first, 1);
        if (IndexEntry.isHole(entry, 0) || IndexEntry.position(entry, 0) >= newStart) {
            return;
        }
        long kept = index.countBefore(subject, first, end, newStart);
        subject.advanceFirst(kept);
        advances.add(new Advance(subject, first, kept));
        LOG.info("Subject {}: sequences {} to {} expired with the message log before position {}; reads start at {}",
                subject.subject(), first, kept - 1, newStart, kept);
    }
}

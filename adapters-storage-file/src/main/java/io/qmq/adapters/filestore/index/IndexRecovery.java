package io.qmq.adapters.filestore.index;

import io.qmq.adapters.filestore.segment.RecordScanner;
import io.qmq.adapters.filestore.segment.SegmentedLog;
import java.io.IOException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the message log and the consume logs back in step after a stop or a crash.
 *
 * <ol>
 *   <li>Load the newest intact index checkpoint (log position P and every subject's state at P).</li>
 *   <li>Validate every record from the start of the last segment, or from P if that is earlier, by
 *       checksum. At the first damaged record (position D) cut the log: it is never served.</li>
 *   <li>If D lies before P the checkpoint promised records that are gone: subjects whose last record
 *       lies at or after D are wound back to the entries before D, found by binary search of their
 *       index files, and replay starts at D.</li>
 *   <li>Replay the records from P: each one's index entry is written at its sequence (again, if the
 *       crash came after the write but before the checkpoint), which is idempotent.</li>
 * </ol>
 *
 * The caller writes a fresh checkpoint right after, which also drops checkpoints beyond a cut.
 */
public final class IndexRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(IndexRecovery.class);
    private static final int STAGED_ENTRIES_PER_WRITE = 64 * 1024;

    private final SegmentedLog log;
    private final ConsumeIndex index;
    private final RecordScanner scanner = new RecordScanner();

    public IndexRecovery(SegmentedLog log, ConsumeIndex index) {
        this.log = log;
        this.index = index;
    }

    /** Recovers and returns the subjects whose index files replay wrote (not yet forced). */
    public Set<SubjectLog> recover(Optional<IndexCheckpoint> checkpoint) throws IOException {
        // a checkpoint older than the log's start (retention deleted past it) replays what is left
        long replayFrom = Math.max(log.start(), checkpoint.map(IndexCheckpoint::logPosition).orElse(log.start()));
        checkpoint.ifPresent(this::restore);
        long intactEnd = scanner.scan(log, Math.min(replayFrom, log.active().base()), (position, body) -> { });
        if (intactEnd < log.end()) {
            log.cutAt(intactEnd);
        }
        if (intactEnd < replayFrom) {
            windBack(intactEnd);
            replayFrom = intactEnd;
        }
        Set<SubjectLog> replayed = replay(replayFrom);
        index.subjects().forEach(SubjectLog::publish);
        return replayed;
    }

    private void restore(IndexCheckpoint checkpoint) {
        for (IndexCheckpoint.SubjectMark mark : checkpoint.subjects()) {
            index.subjectOrCreate(mark.subject()).restore(mark.nextSequence(), mark.lastPosition());
        }
    }

    private void windBack(long cut) throws IOException {
        for (SubjectLog subject : index.subjects()) {
            if (subject.lastPosition() >= cut) {
                long end = index.countBefore(subject, subject.firstSequence(), subject.nextSequence(), cut);
                long last = end == 0 ? -1 : IndexEntry.position(index.read(subject, end - 1, 1), 0);
                LOG.warn("Subject {} wound back from sequence {} to {} by the cut at {}", subject.subject(),
                        subject.nextSequence(), end, cut);
                subject.restore(end, last);
            }
        }
    }

    private Set<SubjectLog> replay(long from) throws IOException {
        IndexStaging staging = new IndexStaging(index);
        Set<SubjectLog> replayed = new HashSet<>();
        long[] count = new long[1];
        RecordIndexer indexer = new RecordIndexer(index);
        scanner.scan(log, from, (position, body) -> {
            if (indexer.index(position, body, staging)) {
                count[0]++;
            }
            if (staging.size() >= STAGED_ENTRIES_PER_WRITE) {
                replayed.addAll(staging.touched());
                staging.writeAll();
                staging.clear();
            }
        });
        replayed.addAll(staging.touched());
        staging.writeAll();
        staging.clear();
        LOG.info("Replayed {} message records of {} from position {} into the consume logs", count[0], log.dir(), from);
        return replayed;
    }
}

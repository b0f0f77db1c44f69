package io.qmq.adapters.filestore.index;

import io.qmq.adapters.filestore.checkpoint.SnapshotFiles;
import io.qmq.adapters.filestore.segment.DirectorySync;
import io.qmq.adapters.filestore.segment.SegmentedLog;
import java.io.IOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Makes an index checkpoint true and then records it: forces the message log (segments before the
 * active one were forced when they were rolled), forces the index files written since the last
 * checkpoint and the index directory (so new files keep their names), and only then writes the
 * snapshot. A checkpoint that fails keeps its files to force, so
 * the next one covers them.
 *
 * <p>Called from one thread at a time (the background thread, or the closing thread after it stopped).
 */
public final class IndexCheckpointWriter {

    private final SegmentedLog log;
    private final ConsumeIndex index;
    private final SnapshotFiles snapshots;
    private final Set<SubjectLog> unforced = new HashSet<>();
    private volatile long previous = -1;
    private volatile long latest = -1;

    public IndexCheckpointWriter(SegmentedLog log, ConsumeIndex index, SnapshotFiles snapshots) {
        this.log = log;
        this.index = index;
        this.snapshots = snapshots;
    }

    public synchronized void write(IndexCheckpoint checkpoint, Collection<SubjectLog> written) throws IOException {
        unforced.addAll(written);
        log.forceActive();
        for (SubjectLog subject : unforced) {
            index.force(subject);
        }
        if (!unforced.isEmpty()) {
            DirectorySync.force(index.dir());
        }
        unforced.clear();
        snapshots.write(checkpoint.logPosition(), checkpoint.encode());
        previous = latest;
        latest = checkpoint.logPosition();
    }

    /**
     * The log position of the older of the two newest checkpoints this writer wrote (the only one after
     * the first write), -1 before any: recovery replays from the newest intact one, falling back to the
     * older, so retention keeps every byte from here on.
     */
    public long retainedPosition() {
        long older = previous;
        return older >= 0 ? older : latest;
    }
}

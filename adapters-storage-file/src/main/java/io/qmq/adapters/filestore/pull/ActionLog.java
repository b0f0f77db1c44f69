package io.qmq.adapters.filestore.pull;

import io.qmq.adapters.filestore.checkpoint.SnapshotFiles;
import io.qmq.adapters.filestore.segment.RecordFrame;
import io.qmq.adapters.filestore.segment.RecordScanner;
import io.qmq.adapters.filestore.segment.SegmentedLog;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pull log on disk: an append-only log of {@link PullAction actions} in segment files, plus
 * {@link StateSnapshot snapshots} of the state they build ({@code state-<position>.snap}).
 *
 * <p>Recovery rule: load the newest intact snapshot (position P), replay the intact actions after P,
 * cut the log at the first damaged record, and write a fresh snapshot at the log's end at once (which
 * also drops snapshots beyond a cut). Segments are deleted only once they end before the older of the
 * two retained snapshots, so falling back to that one still finds its actions.
 *
 * <p>Not thread-safe: the pull log calls it under its lock, except {@link #writeSnapshot}.
 */
public final class ActionLog implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(ActionLog.class);
    private static final String SNAPSHOT_PREFIX = "state";
    /** The segment files' ending ({@link SegmentedLog}'s). */
    private static final String SEGMENT_SUFFIX = ".log";

    private final SegmentedLog log;
    private final SnapshotFiles snapshots;
    private long olderSnapshotPosition;

    private ActionLog(SegmentedLog log, SnapshotFiles snapshots) {
        this.log = log;
        this.snapshots = snapshots;
    }

    public static ActionLog open(Path dir, long segmentBytes) throws IOException {
        return new ActionLog(SegmentedLog.open(dir, segmentBytes), new SnapshotFiles(dir, SNAPSHOT_PREFIX));
    }

    /** Rebuilds the state from the newest snapshot and the actions after it. */
    public ConsumptionState recover() throws IOException {
        Optional<SnapshotFiles.Snapshot> snapshot = snapshots.newest();
        ConsumptionState state = snapshot.isPresent() ? StateSnapshot.decode(snapshot.get().content()) : new ConsumptionState();
        long from = snapshot.map(SnapshotFiles.Snapshot::position).orElse(log.start());
        if (from < log.start()) {
            LOG.error("Pull-log snapshot at {} is older than the log's start {} in {}; actions in between are lost",
                    from, log.start(), log.dir());
            from = log.start();
        }
        long[] replayed = new long[1];
        long intactEnd = new RecordScanner().scan(log, from, (position, body) -> {
            PullAction.apply(body, state);
            replayed[0]++;
        });
        if (intactEnd < log.end()) {
            log.cutAt(intactEnd);
        }
        LOG.info("Replayed {} pull-log actions of {} from position {}", replayed[0], log.dir(), from);
        olderSnapshotPosition = log.end();
        writeSnapshot(log.end(), StateSnapshot.encode(state));
        return state;
    }

    public long end() {
        return log.end();
    }

    /**
     * Gives a pull log that has no actions yet (a slave's, which serves no consumers) another pull log's
     * state as its starting point: a snapshot at position 0. Recovery then starts from that state.
     * Refused, returning false, when {@code dir} holds actions: a snapshot at 0 would prune their snapshots.
     */
    public static boolean seed(Path dir, ByteBuffer content) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(dir)) {
            if (files.anyMatch(f -> f.getFileName().toString().endsWith(SEGMENT_SUFFIX) && f.toFile().length() > 0)) {
                return false;
            }
        }
        new SnapshotFiles(dir, SNAPSHOT_PREFIX).write(0, content);
        return true;
    }

    /** Appends one action; it is in the page cache when this returns. */
    public void append(byte[] body) throws IOException {
        int frameBytes = RecordFrame.frameBytes(body.length);
        if (!log.fits(0, frameBytes)) {
            log.roll();
        }
        ByteBuffer frame = ByteBuffer.allocate(frameBytes);
        frame.put(RecordFrame.BODY_OFFSET, body);
        RecordFrame.seal(frame, 0, body.length);
        log.append(frame);
    }

    public void force() throws IOException {
        log.forceActive();
    }

    /**
     * Forces the log and writes a snapshot valid at {@code position}. Safe alongside appends: it touches
     * only the snapshot files and forces (never changes) the segments.
     */
    public void writeSnapshot(long position, ByteBuffer content) throws IOException {
        log.forceActive();
        snapshots.write(position, content);
    }

    /** After a snapshot at {@code position}: drops segments no retained snapshot needs. */
    public void snapshotWritten(long position) throws IOException {
        log.deleteBefore(olderSnapshotPosition);
        olderSnapshotPosition = position;
    }

    @Override
    public void close() throws IOException {
        log.close();
    }
}

package io.qmq.adapters.filestore.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Index entries of one batch, gathered per subject so that each subject's file gets one write per
 * batch, however many of its messages the batch holds. Single-threaded: owned by the writer (or by
 * recovery before the writer starts).
 */
public final class IndexStaging {

    private static final int FIRST_RUN_ENTRIES = 16;

    private final ConsumeIndex index;
    private final Map<SubjectLog, Run> runs = new IdentityHashMap<>();
    private final List<SubjectLog> touched = new ArrayList<>();
    private final Deque<Run> spare = new ArrayDeque<>();
    private int entries;

    private static final class Run {
        long firstSequence;
        ByteBuffer buffer = ByteBuffer.allocate(FIRST_RUN_ENTRIES * IndexEntry.BYTES);

        long nextSequence() {
            return firstSequence + buffer.position() / IndexEntry.BYTES;
        }
    }

    public IndexStaging(ConsumeIndex index) {
        this.index = index;
    }

    public void add(SubjectLog subject, long sequence, long position, int frameLength, int encodedLength,
                    long appendedAt) throws IOException {
        Run run = runs.get(subject);
        if (run != null && run.nextSequence() != sequence) {
            writeRun(subject, run);
            run.buffer.clear();
            run.firstSequence = sequence;
        }
        if (run == null) {
            run = spare.isEmpty() ? new Run() : spare.pop();
            run.firstSequence = sequence;
            runs.put(subject, run);
            touched.add(subject);
        }
        if (run.buffer.remaining() < IndexEntry.BYTES) {
            run.buffer = ByteBuffer.allocate(run.buffer.capacity() * 2).put(run.buffer.flip());
        }
        IndexEntry.put(run.buffer, position, frameLength, encodedLength, appendedAt);
        entries++;
    }

    public int size() {
        return entries;
    }

    /** The subjects with staged entries, in the order they were first staged. */
    public List<SubjectLog> touched() {
        return touched;
    }

    /** Writes every staged run to its subject's file. */
    public void writeAll() throws IOException {
        for (SubjectLog subject : touched) {
            writeRun(subject, runs.get(subject));
        }
    }

    /** Forgets what was staged (written or not), keeping the buffers for the next batch. */
    public void clear() {
        for (Run run : runs.values()) {
            run.buffer.clear();
            if (run.buffer.capacity() <= FIRST_RUN_ENTRIES * IndexEntry.BYTES * 64) {
                spare.push(run);
            }
        }
        runs.clear();
        touched.clear();
        entries = 0;
    }

    private void writeRun(SubjectLog subject, Run run) throws IOException {
        index.write(subject, run.firstSequence, run.buffer.duplicate().flip());
    }
}

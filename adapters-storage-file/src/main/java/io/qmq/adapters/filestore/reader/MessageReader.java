package io.qmq.adapters.filestore.reader;

import io.qmq.adapters.filestore.codec.MessageRecord;
import io.qmq.adapters.filestore.index.ConsumeIndex;
import io.qmq.adapters.filestore.index.IndexEntry;
import io.qmq.adapters.filestore.index.SubjectLog;
import io.qmq.adapters.filestore.segment.RecordFrame;
import io.qmq.adapters.filestore.segment.SegmentedLog;
import io.qmq.domain.message.StoredMessage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a subject's messages: its index entries in one positional read, then the records, reading
 * records that lie next to each other in the log with one positional read. Thread-safe and lock-free:
 * it reads only below the subject's published readable end.
 *
 * <p>A read never starts before the subject's first retained sequence. Entries it took just before
 * retention deleted their segment are left out as expired.
 *
 * <p>Every record is checked again on read (checksum, subject sequence). A record that fails is logged
 * and left out, never served; the rest of the batch is still returned.
 */
public final class MessageReader {

    /** The most entries one read looks at, bounding its memory whatever the caller asks. */
    public static final int MAX_ENTRIES_PER_READ = 10_000;
    private static final int MAX_RUN_BYTES = 1 << 20;
    private static final Logger LOG = LoggerFactory.getLogger(MessageReader.class);

    private final SegmentedLog log;
    private final ConsumeIndex index;

    public MessageReader(SegmentedLog log, ConsumeIndex index) {
        this.log = log;
        this.index = index;
    }

    public List<StoredMessage> read(SubjectLog subject, long fromSequence, int maxMessages, int maxBytes) throws IOException {
        long first = Math.max(Math.max(0, fromSequence), subject.firstSequence());
        long end = subject.readableEnd();
        if (first >= end || maxMessages <= 0) {
            return List.of();
        }
        int count = (int) Math.min(Math.min(maxMessages, MAX_ENTRIES_PER_READ), end - first);
        ByteBuffer entries = index.read(subject, first, count);
        int taken = withinBudget(entries, count, maxBytes);
        List<StoredMessage> messages = new ArrayList<>(taken);
        int i = 0;
        while (i < taken) {
            i = readRun(subject, first, entries, i, taken, messages);
        }
        return messages;
    }

    /** How many entries fit in {@code maxBytes} of encoded messages; at least one. */
    private static int withinBudget(ByteBuffer entries, int count, int maxBytes) {
        long bytes = 0;
        int served = 0;
        for (int i = 0; i < count; i++) {
            if (IndexEntry.isHole(entries, i)) {
                continue;
            }
            bytes += IndexEntry.encodedLength(entries, i);
            if (served > 0 && bytes > maxBytes) {
                return i;
            }
            served++;
        }
        return count;
    }

    /** Reads the records of entries [from, k) that lie back to back in one segment; returns k. */
    private int readRun(SubjectLog subject, long first, ByteBuffer entries, int from, int taken,
                        List<StoredMessage> messages) throws IOException {
        if (IndexEntry.isHole(entries, from)) {
            return from + 1;
        }
        long runStart = IndexEntry.position(entries, from);
        if (runStart < log.start()) {
            return from + 1; // retention deleted the segment after this read took the entries
        }
        long runEnd = runStart + IndexEntry.frameLength(entries, from);
        long segmentEnd = log.segmentEnd(runStart);
        int next = from + 1;
        while (next < taken && !IndexEntry.isHole(entries, next) && IndexEntry.position(entries, next) == runEnd
                && runEnd + IndexEntry.frameLength(entries, next) <= segmentEnd
                && runEnd + IndexEntry.frameLength(entries, next) - runStart <= MAX_RUN_BYTES) {
            runEnd += IndexEntry.frameLength(entries, next);
            next++;
        }
        if (runEnd > segmentEnd) {
            LOG.error("Index of {} points past the end of the log at {}; sequence {} is not served", subject.subject(), runStart, first + from);
            return from + 1;
        }
        ByteBuffer run = ByteBuffer.allocate((int) (runEnd - runStart));
        try {
            log.read(run, runStart);
        } catch (IOException e) {
            if (runStart < log.start()) {
                return next; // retention deleted the segment after this read took the entries: expired, not an error
            }
            throw e;
        }
        for (int i = from; i < next; i++) {
            int at = (int) (IndexEntry.position(entries, i) - runStart);
            decode(subject, first + i, run.duplicate().limit(at + IndexEntry.frameLength(entries, i)), at, messages);
        }
        return next;
    }

    private static void decode(SubjectLog subject, long sequence, ByteBuffer frame, int at, List<StoredMessage> messages) {
        if (!RecordFrame.isIntact(frame, at)) {
            LOG.error("Record of {} sequence {} fails its checksum; it is not served", subject.subject(), sequence);
            return;
        }
        ByteBuffer body = frame.position(at + RecordFrame.BODY_OFFSET).slice();
        if (MessageRecord.sequence(body) != sequence || !MessageRecord.subjectName(body).equals(subject.subject().name())) {
            LOG.error("Record at the index entry of {} sequence {} belongs elsewhere; it is not served", subject.subject(), sequence);
            return;
        }
        messages.add(MessageRecord.read(body, subject.subject()));
    }
}

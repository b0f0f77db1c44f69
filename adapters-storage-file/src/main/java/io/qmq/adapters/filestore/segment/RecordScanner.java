package io.qmq.adapters.filestore.segment;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks the framed records of a {@link SegmentedLog} from a position, checking each one's checksum,
 * and reports where the intact records end.
 *
 * <p>Recovery rule: the first record that is incomplete, has an impossible length or a wrong checksum,
 * or a segment that does not start where the previous one ended, marks the damage. Nothing from there
 * on is handed to the visitor; the caller cuts the log at that position.
 */
public final class RecordScanner {

    private static final Logger LOG = LoggerFactory.getLogger(RecordScanner.class);
    private static final int WINDOW_BYTES = 1 << 20;

    /** Receives each intact record's position and its body (position to limit). */
    @FunctionalInterface
    public interface Visitor {
        void record(long position, ByteBuffer body) throws IOException;
    }

    private ByteBuffer window = ByteBuffer.allocate(WINDOW_BYTES);
    private long windowStart;

    /** Returns the position just past the last intact record at or after {@code from}. */
    public long scan(SegmentedLog log, long from, Visitor visitor) throws IOException {
        if (from > log.end()) {
            return damage(log, log.end(), "the log ends before position " + from);
        }
        long position = from;
        for (Segment segment : log.segments()) {
            if (segment.end() <= position) {
                continue;
            }
            if (segment.base() > position) {
                return damage(log, position, "segment " + segment + " does not continue the log");
            }
            position = scanSegment(log, segment, position, visitor);
            if (position < segment.end()) {
                return position;
            }
        }
        return position;
    }

    private long scanSegment(SegmentedLog log, Segment segment, long from, Visitor visitor) throws IOException {
        windowStart = -1;
        long position = from;
        while (position < segment.end()) {
            if (segment.end() - position < RecordFrame.HEADER_BYTES) {
                return damage(log, position, "a partial record header");
            }
            ByteBuffer frame = load(segment, position, RecordFrame.HEADER_BYTES);
            int bodyLength = frame.getInt(frame.position() + RecordFrame.LENGTH_OFFSET);
            if (!RecordFrame.isPlausibleLength(bodyLength)) {
                return damage(log, position, "an impossible record length " + bodyLength);
            }
            int frameBytes = RecordFrame.frameBytes(bodyLength);
            if (segment.end() - position < frameBytes) {
                return damage(log, position, "a partial record of " + frameBytes + " bytes");
            }
            frame = load(segment, position, frameBytes);
            int at = frame.position();
            frame.limit(at + frameBytes);
            if (!RecordFrame.isIntact(frame, at)) {
                return damage(log, position, "a record with a wrong checksum");
            }
            visitor.record(position, frame.duplicate().position(at + RecordFrame.BODY_OFFSET).slice());
            position += frameBytes;
        }
        return position;
    }

    /** A buffer positioned at {@code position} holding at least {@code bytes} of the segment. */
    private ByteBuffer load(Segment segment, long position, int bytes) throws IOException {
        if (windowStart < 0 || position < windowStart || position + bytes > windowStart + window.limit()) {
            if (bytes > window.capacity()) {
                window = ByteBuffer.allocate(bytes);
            }
            window.clear();
            window.limit((int) Math.min(window.capacity(), segment.end() - position));
            segment.readFully(window, position);
            window.flip();
            windowStart = position;
        }
        ByteBuffer view = window.duplicate();
        view.position((int) (position - windowStart));
        return view;
    }

    private static long damage(SegmentedLog log, long position, String what) {
        LOG.warn("Damaged log {} at position {}: {}; everything from there on will be cut", log.dir(), position, what);
        return position;
    }
}

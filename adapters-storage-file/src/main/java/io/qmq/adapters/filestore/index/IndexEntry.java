package io.qmq.adapters.filestore.index;

import java.nio.ByteBuffer;

/**
 * One consume-log entry: where a subject's message lies in the message log. Entry N of a subject's
 * index file sits at byte N x {@value #BYTES}; the entry number is the subject sequence. Big-endian:
 *
 * <pre>
 * offset  width  field
 * 0       8      log position of the record's frame
 * 8       4      frame length in the log (header and body)
 * 12      4      encoded message length (what read limits count)
 * 16      8      append time, epoch ms
 * </pre>
 *
 * An entry of zeros is a hole (never written); readers skip it. Index files carry no checksum: they
 * are derived, forced before every checkpoint and rebuilt from the message log after it, and every
 * record they point to is checked by its own checksum when read.
 */
public final class IndexEntry {

    public static final int POSITION_OFFSET = 0;
    public static final int FRAME_LENGTH_OFFSET = 8;
    public static final int ENCODED_LENGTH_OFFSET = 12;
    public static final int APPENDED_AT_OFFSET = 16;
    public static final int BYTES = 24;

    private IndexEntry() {
    }

    public static void put(ByteBuffer buffer, long position, int frameLength, int encodedLength, long appendedAt) {
        buffer.putLong(position).putInt(frameLength).putInt(encodedLength).putLong(appendedAt);
    }

    public static long position(ByteBuffer entries, int index) {
        return entries.getLong(index * BYTES + POSITION_OFFSET);
    }

    public static int frameLength(ByteBuffer entries, int index) {
        return entries.getInt(index * BYTES + FRAME_LENGTH_OFFSET);
    }

    public static int encodedLength(ByteBuffer entries, int index) {
        return entries.getInt(index * BYTES + ENCODED_LENGTH_OFFSET);
    }

    public static boolean isHole(ByteBuffer entries, int index) {
        return frameLength(entries, index) == 0;
    }
}

package io.qmq.adapters.filestore.segment;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The frame around every record the file store writes, in the message log and the pull log alike.
 *
 * <pre>
 * offset  width  field
 * 0       4      body length n, 1 .. {@value #MAX_BODY_BYTES}
 * 4       4      CRC32C over bytes [0, 4) (the length) and then [8, 8 + n) (the body)
 * 8       n      body
 * </pre>
 *
 * All numbers are big-endian. The checksum covers the length so that a damaged length is caught as
 * surely as a damaged body; a zero-filled tail fails because no body is empty.
 */
public final class RecordFrame {

    public static final int LENGTH_OFFSET = 0;
    public static final int CRC_OFFSET = 4;
    public static final int BODY_OFFSET = 8;
    public static final int HEADER_BYTES = BODY_OFFSET;
    /** No record is this large: a length beyond it is damage, not a record. */
    public static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

    private RecordFrame() {
    }

    /** Writes the header of a frame whose body already sits at {@code frameStart + BODY_OFFSET}. */
    public static void seal(ByteBuffer buffer, int frameStart, int bodyLength) {
        buffer.putInt(frameStart + LENGTH_OFFSET, bodyLength);
        buffer.putInt(frameStart + CRC_OFFSET, checksum(buffer, frameStart, bodyLength));
    }

    /** Whether the stated length is one a record could have. */
    public static boolean isPlausibleLength(int bodyLength) {
        return bodyLength > 0 && bodyLength <= MAX_BODY_BYTES;
    }

    /** Whether the frame at {@code frameStart}, whose body is fully in the buffer, is intact. */
    public static boolean isIntact(ByteBuffer buffer, int frameStart) {
        int bodyLength = buffer.getInt(frameStart + LENGTH_OFFSET);
        return isPlausibleLength(bodyLength)
                && frameStart + HEADER_BYTES + bodyLength <= buffer.limit()
                && buffer.getInt(frameStart + CRC_OFFSET) == checksum(buffer, frameStart, bodyLength);
    }

    public static int frameBytes(int bodyLength) {
        return HEADER_BYTES + bodyLength;
    }

    private static int checksum(ByteBuffer buffer, int frameStart, int bodyLength) {
        CRC32C crc = new CRC32C();
        ByteBuffer view = buffer.duplicate();
        view.limit(frameStart + LENGTH_OFFSET + Integer.BYTES).position(frameStart + LENGTH_OFFSET);
        crc.update(view);
        view.limit(frameStart + BODY_OFFSET + bodyLength).position(frameStart + BODY_OFFSET);
        crc.update(view);
        return (int) crc.getValue();
    }
}

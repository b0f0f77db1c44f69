package io.qmq.adapters.netty.codec;

/**
 * Offsets and widths of the QMQ frame, shared by the decoder and the encoder.
 *
 * <pre>
 * offset  field        type
 *  0      total        i32  bytes after this field = 2 + headerSize + body length
 *  4      headerSize   i16  always 18
 *  6      magic        i32  0xDEC10ADE
 * 10      code         i16
 * 12      version      i16
 * 14      opaque       i32
 * 18      flag         i32
 * 22      requestCode  i16
 * 24      body         total - 20 bytes
 * </pre>
 */
final class FrameLayout {

    static final int TOTAL_OFFSET = 0;
    static final int HEADER_SIZE_OFFSET = 4;
    static final int MAGIC_OFFSET = 6;
    static final int CODE_OFFSET = 10;
    static final int VERSION_OFFSET = 12;
    static final int OPAQUE_OFFSET = 14;
    static final int FLAG_OFFSET = 18;
    static final int REQUEST_CODE_OFFSET = 22;
    static final int BODY_OFFSET = 24;

    static final int TOTAL_FIELD_BYTES = 4;
    static final int HEADER_SIZE_FIELD_BYTES = 2;
    /** The value of headerSize: magic through requestCode. */
    static final short HEADER_SIZE = 18;
    /** The smallest legal total: a frame with an empty body. */
    static final int MIN_TOTAL = HEADER_SIZE_FIELD_BYTES + HEADER_SIZE;

    private FrameLayout() {
    }
}

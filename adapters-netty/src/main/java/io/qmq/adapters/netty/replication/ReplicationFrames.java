package io.qmq.adapters.netty.replication;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.CorruptedFrameException;
import io.qmq.application.port.out.LogChunk;
import io.qmq.application.port.out.ReplicaMark;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The replication protocol's frames, between a slave and its master's {@code broker.replication.port}.
 * Big-endian:
 *
 * <pre>
 * offset  width  field
 * 0       4      frame length n: the bytes after this field
 * 4       4      CRC32C over bytes [8, 4 + n): the type and the body
 * 8       1      type: 1 FETCH (slave to master); 2 CHUNK, 3 REFUSAL, 4 PROGRESS (master to slave)
 * 9       ...    body
 *
 * FETCH    group (2-byte length, UTF-8), copy end (8), last record start (8, -1 for none),
 *          last record checksum (4), most bytes wanted (4)
 * CHUNK    position of the first byte (8), master's end (8), the log's frames verbatim (rest)
 * REFUSAL  fatal (1: 0 or 1), reason (2-byte length, UTF-8)
 * PROGRESS master's committed log end when taken (8), consumer progress in the store's encoding (rest)
 * </pre>
 *
 * The frame checksum catches damage in transit; the log's own frames inside a chunk carry their own
 * checksums, which the slave checks again before writing.
 */
public final class ReplicationFrames {

    public static final int LENGTH_BYTES = 4;
    public static final int CRC_OFFSET = 0;
    public static final int TYPE_OFFSET = 4;
    public static final int BODY_OFFSET = 5;
    /** A chunk holds at least one whole record, and a record may be as large as the store allows. */
    public static final int MAX_FRAME_BYTES = 80 * 1024 * 1024;
    static final byte FETCH = 1;
    static final byte CHUNK = 2;
    static final byte REFUSAL = 3;
    static final byte PROGRESS = 4;
    private static final int MAX_STRING_BYTES = 0xFFFF;

    private ReplicationFrames() {
    }

    /** Writes one whole frame (length field included): a {@link Fetch}, {@link LogChunk}, {@link Refusal} or {@link ProgressCopy}. */
    public static void encode(Object message, ByteBuf out) {
        int start = out.writerIndex();
        out.writeInt(0).writeInt(0);
        if (message instanceof Fetch fetch) {
            out.writeByte(FETCH);
            string(out, fetch.group());
            out.writeLong(fetch.mark().end()).writeLong(fetch.mark().lastRecordStart())
                    .writeInt(fetch.mark().lastRecordCheck()).writeInt(fetch.maxBytes());
        } else if (message instanceof LogChunk chunk) {
            out.writeByte(CHUNK).writeLong(chunk.position()).writeLong(chunk.masterEnd()).writeBytes(chunk.bytes());
        } else if (message instanceof ProgressCopy progress) {
            out.writeByte(PROGRESS).writeLong(progress.logPosition()).writeBytes(progress.snapshot());
        } else if (message instanceof Refusal refusal) {
            out.writeByte(REFUSAL).writeByte(refusal.fatal() ? 1 : 0);
            string(out, refusal.reason());
        } else {
            throw new IllegalArgumentException("not a replication message: " + message);
        }
        int length = out.writerIndex() - start - LENGTH_BYTES;
        out.setInt(start, length);
        out.setInt(start + LENGTH_BYTES + CRC_OFFSET, checksum(out, start + LENGTH_BYTES + TYPE_OFFSET, length - TYPE_OFFSET));
    }

    /** Reads one frame without its length field (reader index to writer index); checks its checksum. */
    public static Object decode(ByteBuf frame) {
        int at = frame.readerIndex();
        if (frame.readableBytes() < BODY_OFFSET) {
            throw new CorruptedFrameException("replication frame of " + frame.readableBytes() + " bytes is too short");
        }
        if (frame.getInt(at + CRC_OFFSET) != checksum(frame, at + TYPE_OFFSET, frame.readableBytes() - TYPE_OFFSET)) {
            throw new CorruptedFrameException("replication frame checksum mismatch: damaged in transit");
        }
        byte type = frame.getByte(at + TYPE_OFFSET);
        frame.readerIndex(at + BODY_OFFSET);
        try {
            return switch (type) {
                case FETCH -> new Fetch(string(frame), new ReplicaMark(frame.readLong(), frame.readLong(), frame.readInt()),
                        frame.readInt());
                case CHUNK -> chunk(frame);
                case REFUSAL -> new Refusal(frame.readByte() != 0, string(frame));
                case PROGRESS -> progress(frame);
                default -> throw new CorruptedFrameException("unknown replication frame type " + type);
            };
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new CorruptedFrameException("malformed replication frame of type " + type + ": " + e.getMessage(), e);
        }
    }

    private static LogChunk chunk(ByteBuf frame) {
        long position = frame.readLong();
        long masterEnd = frame.readLong();
        byte[] bytes = new byte[frame.readableBytes()];
        frame.readBytes(bytes);
        return new LogChunk(position, bytes, masterEnd);
    }

    private static ProgressCopy progress(ByteBuf frame) {
        long position = frame.readLong();
        byte[] snapshot = new byte[frame.readableBytes()];
        frame.readBytes(snapshot);
        return new ProgressCopy(position, snapshot);
    }

    private static int checksum(ByteBuf buf, int index, int length) {
        CRC32C crc = new CRC32C();
        crc.update(buf.nioBuffer(index, length));
        return (int) crc.getValue();
    }

    private static void string(ByteBuf out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        int length = Math.min(bytes.length, MAX_STRING_BYTES);
        out.writeShort(length).writeBytes(bytes, 0, length);
    }

    private static String string(ByteBuf in) {
        int length = in.readUnsignedShort();
        return in.readCharSequence(length, StandardCharsets.UTF_8).toString();
    }
}

package io.qmq.adapters.netty.codec;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * Bounds-checked reads of QMQ's big-endian fields from a body. Every read names the field, so a
 * truncated or inconsistent body fails with a {@link MalformedBodyException} that says where, instead
 * of an {@link IndexOutOfBoundsException}. Strings are {@code str16}: a signed i16 byte count (0..32767)
 * and that many UTF-8 bytes.
 */
public final class BodyReader {

    private final ByteBuf buf;
    private final String what;

    /** Reads from {@code buf}'s reader index, advancing it; {@code what} names the body in errors. */
    public BodyReader(ByteBuf buf, String what) {
        this.buf = buf;
        this.what = what;
    }

    public byte i8(String field) {
        need(Byte.BYTES, field);
        return buf.readByte();
    }

    public short i16(String field) {
        need(Short.BYTES, field);
        return buf.readShort();
    }

    public int i32(String field) {
        need(Integer.BYTES, field);
        return buf.readInt();
    }

    public long i64(String field) {
        need(Long.BYTES, field);
        return buf.readLong();
    }

    public String str16(String field) {
        int length = str16Length(field);
        String value = buf.toString(buf.readerIndex(), length, StandardCharsets.UTF_8);
        buf.skipBytes(length);
        return value;
    }

    /** Reads a str16's length and checks its bytes are there, leaving them unread. */
    public int str16Length(String field) {
        short length = i16(field + " length");
        if (length < 0) {
            throw malformed(field + " has a negative length " + length);
        }
        need(length, field);
        return length;
    }

    /** A reader over the next {@code length} bytes, which this reader skips. */
    public BodyReader slice(int length, String field) {
        if (length < 0) {
            throw malformed(field + " has a negative length " + length);
        }
        need(length, field);
        return new BodyReader(buf.readSlice(length), what + " " + field);
    }

    public void skip(int length, String field) {
        need(length, field);
        buf.skipBytes(length);
    }

    public boolean hasRemaining() {
        return buf.isReadable();
    }

    public int position() {
        return buf.readerIndex();
    }

    public ByteBuf buffer() {
        return buf;
    }

    public MalformedBodyException malformed(String problem) {
        return new MalformedBodyException(what + ": " + problem + " (at byte " + buf.readerIndex() + ")");
    }

    private void need(int bytes, String field) {
        if (buf.readableBytes() < bytes) {
            throw malformed(field + " needs " + bytes + " bytes, only " + buf.readableBytes() + " left");
        }
    }
}

package io.qmq.adapters.netty.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

/** Writes QMQ's {@code str16} strings; the counterpart of {@link BodyReader#str16}. */
public final class BodyWriter {

    /** The largest str16 the stock client can read back: its reader treats the length as signed. */
    public static final int MAX_STR16_BYTES = Short.MAX_VALUE;

    private BodyWriter() {
    }

    /** Writes {@code value} (null as empty) as an i16 UTF-8 byte count and the bytes. */
    public static void str16(ByteBuf out, String value) {
        String text = value == null ? "" : value;
        int lengthIndex = out.writerIndex();
        out.writeShort(0);
        int written = ByteBufUtil.writeUtf8(out, text);
        if (written > MAX_STR16_BYTES) {
            out.writerIndex(lengthIndex);
            throw new IllegalArgumentException("string of " + written + " UTF-8 bytes exceeds the str16 limit of "
                    + MAX_STR16_BYTES + ": '" + text.substring(0, 40) + "...'");
        }
        out.setShort(lengthIndex, written);
    }
}

package io.qmq.adapters.netty.codec;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/** Writes QMQ's {@code str16} strings; the counterpart of {@link BodyReader#str16}. */
public final class BodyWriter {

    /** The largest str16 the stock client can read back: its reader treats the length as signed. */
    public static final int MAX_STR16_BYTES = Short.MAX_VALUE;

    private BodyWriter() {
    }

    /**
     * Writes {@code value} (null as empty) as an i16 UTF-8 byte count and the bytes. The JDK's encoder
     * is used rather than Netty's char-by-char one: for the common Latin-1 string it is an array copy,
     * several times faster on a kilobyte attribute, and unpaired surrogates become '?' in both.
     */
    public static void str16(ByteBuf out, String value) {
        String text = value == null ? "" : value;
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > MAX_STR16_BYTES) {
            throw new IllegalArgumentException("string of " + utf8.length + " UTF-8 bytes exceeds the str16 limit of "
                    + MAX_STR16_BYTES + ": '" + text.substring(0, 40) + "...'");
        }
        out.writeShort(utf8.length);
        out.writeBytes(utf8);
    }
}

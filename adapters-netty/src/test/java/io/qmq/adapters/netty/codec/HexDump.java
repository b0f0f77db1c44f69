package io.qmq.adapters.netty.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

/** Hex text in the layout of the protocol document's examples, as bytes and back. */
public final class HexDump {

    private HexDump() {
    }

    /** Parses space- and newline-separated hex bytes. */
    public static byte[] bytes(String hex) {
        return ByteBufUtil.decodeHexDump(hex.replaceAll("\\s+", ""));
    }

    public static ByteBuf buffer(String hex) {
        return Unpooled.wrappedBuffer(bytes(hex));
    }

    /** The readable bytes of {@code buf} as lowercase hex, without consuming or releasing it. */
    public static String hex(ByteBuf buf) {
        return ByteBufUtil.hexDump(buf);
    }

    public static String hex(String spaced) {
        return spaced.replaceAll("\\s+", "").toLowerCase(java.util.Locale.ROOT);
    }
}

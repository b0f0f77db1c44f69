package io.qmq.adapters.netty.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.function.Consumer;

/** Runs frames through the real encoder and decoder, for byte-exact comparisons. */
public final class FrameBytes {

    private FrameBytes() {
    }

    /** The wire bytes of a frame with the given header and a body written by {@code body}. */
    public static String encode(FrameHeader header, Consumer<ByteBuf> body) {
        ByteBuf content = Unpooled.buffer();
        body.accept(content);
        return encode(new Frame(header, content));
    }

    public static String encode(Frame frame) {
        EmbeddedChannel channel = new EmbeddedChannel(new FrameEncoder());
        channel.writeOutbound(frame);
        ByteBuf out = channel.readOutbound();
        try {
            return ByteBufUtil.hexDump(out);
        } finally {
            out.release();
            channel.finishAndReleaseAll();
        }
    }

    /** Decodes exactly one frame from {@code hex}; the caller releases it. */
    public static Frame decode(String hex) {
        EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(1 << 20));
        channel.writeInbound(HexDump.buffer(hex));
        Frame frame = channel.readInbound();
        if (frame == null || channel.inboundMessages().size() != 0) {
            channel.finishAndReleaseAll();
            throw new AssertionError("expected exactly one frame in " + hex);
        }
        channel.finishAndReleaseAll();
        return frame;
    }
}

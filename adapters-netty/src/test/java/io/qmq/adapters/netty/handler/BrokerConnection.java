package io.qmq.adapters.netty.handler;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import io.qmq.adapters.netty.codec.Frame;
import io.qmq.adapters.netty.codec.FrameDecoder;
import io.qmq.adapters.netty.codec.FrameEncoder;
import io.qmq.adapters.netty.codec.FrameHeader;
import io.qmq.adapters.netty.codec.HexDump;
import io.netty.buffer.Unpooled;
import java.util.function.Consumer;

/** An in-memory server connection: bytes in as a client would send them, frames out as bytes. */
final class BrokerConnection implements AutoCloseable {

    static final int MAX_FRAME_BYTES = 4096;

    final EmbeddedChannel channel;

    BrokerConnection(io.netty.channel.ChannelHandler dispatcher) {
        channel = new EmbeddedChannel(new FrameDecoder(MAX_FRAME_BYTES), new FrameEncoder(), dispatcher,
                new ConnectionGuard());
    }

    void receive(String hex) {
        channel.writeInbound(HexDump.buffer(hex));
    }

    void receive(FrameHeader header, Consumer<ByteBuf> body) {
        ByteBuf out = Unpooled.buffer();
        ByteBuf content = Unpooled.buffer();
        body.accept(content);
        FrameEncoder.writePrefix(out, header, content.readableBytes());
        out.writeBytes(content);
        content.release();
        channel.writeInbound(out);
    }

    /** The next response as hex, or null if none was written. */
    String sent() {
        channel.runPendingTasks();
        ByteBuf out = channel.readOutbound();
        if (out == null) {
            return null;
        }
        try {
            return ByteBufUtil.hexDump(out);
        } finally {
            out.release();
        }
    }

    /** The next response decoded; the caller releases it. */
    Frame sentFrame() {
        String hex = sent();
        if (hex == null) {
            return null;
        }
        EmbeddedChannel decoder = new EmbeddedChannel(new FrameDecoder(Integer.MAX_VALUE));
        decoder.writeInbound(HexDump.buffer(hex));
        Frame frame = decoder.readInbound();
        decoder.finishAndReleaseAll();
        return frame;
    }

    @Override
    public void close() {
        channel.finishAndReleaseAll();
    }
}

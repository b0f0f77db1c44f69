package io.qmq.adapters.netty.codec;

import static io.qmq.adapters.netty.codec.FrameLayout.BODY_OFFSET;
import static io.qmq.adapters.netty.codec.FrameLayout.HEADER_SIZE;
import static io.qmq.adapters.netty.codec.FrameLayout.MIN_TOTAL;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;

/**
 * Writes {@link Frame}s (layout in {@link FrameLayout}). The body is not copied: the 24-byte prefix and
 * the body go out as one composite buffer, which the transport sends with a gathering write.
 * Stateless, so one instance may serve every channel.
 */
@ChannelHandler.Sharable
public final class FrameEncoder extends MessageToMessageEncoder<Frame> {

    @Override
    protected void encode(ChannelHandlerContext ctx, Frame frame, List<Object> out) {
        ByteBuf body = frame.body();
        ByteBuf prefix = ctx.alloc().ioBuffer(BODY_OFFSET);
        writePrefix(prefix, frame.header(), body.readableBytes());
        if (!body.isReadable()) {
            out.add(prefix);
            return;
        }
        CompositeByteBuf whole = ctx.alloc().compositeBuffer(2);
        whole.addComponents(true, prefix, body.retain());
        out.add(whole);
    }

    /** Writes the fixed 24 bytes that precede a body of {@code bodyLength} bytes. */
    public static void writePrefix(ByteBuf out, FrameHeader header, int bodyLength) {
        out.writeInt(MIN_TOTAL + bodyLength);
        out.writeShort(HEADER_SIZE);
        out.writeInt(FrameHeader.MAGIC);
        out.writeShort(header.code());
        out.writeShort(header.version());
        out.writeInt(header.opaque());
        out.writeInt(header.flag());
        out.writeShort(header.requestCode());
    }
}

package io.qmq.adapters.netty.replication;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.MessageToByteEncoder;

/** The Netty ends of {@link ReplicationFrames}: one decoder and one encoder per channel. */
final class ReplicationCodec {

    private ReplicationCodec() {
    }

    /** Splits the stream into frames and decodes each; a bad frame fails the channel, which is closed. */
    static final class Decoder extends LengthFieldBasedFrameDecoder {

        Decoder() {
            super(ReplicationFrames.MAX_FRAME_BYTES, 0, ReplicationFrames.LENGTH_BYTES, 0, ReplicationFrames.LENGTH_BYTES);
        }

        @Override
        protected Object decode(ChannelHandlerContext ctx, ByteBuf in) throws Exception {
            ByteBuf frame = (ByteBuf) super.decode(ctx, in);
            if (frame == null) {
                return null;
            }
            try {
                return ReplicationFrames.decode(frame);
            } finally {
                frame.release();
            }
        }
    }

    static final class Encoder extends MessageToByteEncoder<Object> {

        @Override
        protected void encode(ChannelHandlerContext ctx, Object message, ByteBuf out) {
            ReplicationFrames.encode(message, out);
        }
    }
}

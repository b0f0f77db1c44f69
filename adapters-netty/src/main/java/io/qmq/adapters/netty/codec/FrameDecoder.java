package io.qmq.adapters.netty.codec;

import static io.qmq.adapters.netty.codec.FrameLayout.BODY_OFFSET;
import static io.qmq.adapters.netty.codec.FrameLayout.CODE_OFFSET;
import static io.qmq.adapters.netty.codec.FrameLayout.FLAG_OFFSET;
import static io.qmq.adapters.netty.codec.FrameLayout.HEADER_SIZE;
import static io.qmq.adapters.netty.codec.FrameLayout.HEADER_SIZE_OFFSET;
import static io.qmq.adapters.netty.codec.FrameLayout.MAGIC_OFFSET;
import static io.qmq.adapters.netty.codec.FrameLayout.MIN_TOTAL;
import static io.qmq.adapters.netty.codec.FrameLayout.OPAQUE_OFFSET;
import static io.qmq.adapters.netty.codec.FrameLayout.REQUEST_CODE_OFFSET;
import static io.qmq.adapters.netty.codec.FrameLayout.TOTAL_FIELD_BYTES;
import static io.qmq.adapters.netty.codec.FrameLayout.VERSION_OFFSET;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import java.util.List;

/**
 * Splits a byte stream into {@link Frame}s (layout in {@link FrameLayout}). Stateful: one per channel.
 *
 * <p>Each field is checked as soon as its bytes arrive, so garbage is refused without buffering a
 * whole "frame". A corrupt prefix (total below 20, headerSize other than 18, wrong magic) leaves the
 * stream out of step: the decoder raises one {@link CorruptedFrameException}, then swallows everything
 * that follows, and the channel's owner is expected to close it. A well-formed frame larger than
 * {@code maxFrameBytes} (counting every byte, the length field included) is skipped without being
 * buffered and reported as a {@link RejectedFrame}, so its sender can still get an answer.
 *
 * <p>Bodies are retained slices of the receive buffer, not copies.
 */
public final class FrameDecoder extends ByteToMessageDecoder {

    private final int maxFrameBytes;
    private long bytesToDiscard;
    private boolean corrupt;

    public FrameDecoder(int maxFrameBytes) {
        if (maxFrameBytes < BODY_OFFSET) {
            throw new IllegalArgumentException("max frame size must be at least " + BODY_OFFSET + " bytes, got " + maxFrameBytes);
        }
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (corrupt) {
            in.skipBytes(in.readableBytes());
        } else if (bytesToDiscard > 0) {
            discard(in);
        } else if (prefixIsValid(in) && in.readableBytes() >= BODY_OFFSET) {
            decodeFrame(in, out);
        }
    }

    private void decodeFrame(ByteBuf in, List<Object> out) {
        int start = in.readerIndex();
        int total = in.getInt(start);
        long frameBytes = (long) TOTAL_FIELD_BYTES + total;
        FrameHeader header = readHeader(in, start);
        if (frameBytes > maxFrameBytes) {
            in.skipBytes(BODY_OFFSET);
            bytesToDiscard = frameBytes - BODY_OFFSET;
            discard(in);
            out.add(new RejectedFrame(header, "frame of " + frameBytes + " bytes exceeds the limit of " + maxFrameBytes));
        } else if (in.readableBytes() >= frameBytes) {
            in.skipBytes(BODY_OFFSET);
            out.add(new Frame(header, in.readRetainedSlice(total - MIN_TOTAL)));
        }
    }

    /** Checks whatever part of the fixed prefix has arrived; false when more bytes are needed. */
    private boolean prefixIsValid(ByteBuf in) {
        int start = in.readerIndex();
        int readable = in.readableBytes();
        if (readable < TOTAL_FIELD_BYTES) {
            return false;
        }
        int total = in.getInt(start);
        if (total < MIN_TOTAL) {
            throw corrupt(in, "frame length " + total + " is below the minimum of " + MIN_TOTAL);
        }
        if (readable >= MAGIC_OFFSET) {
            short headerSize = in.getShort(start + HEADER_SIZE_OFFSET);
            if (headerSize != HEADER_SIZE) {
                throw corrupt(in, "header size " + headerSize + " is not " + HEADER_SIZE);
            }
        }
        if (readable >= CODE_OFFSET) {
            int magic = in.getInt(start + MAGIC_OFFSET);
            if (magic != FrameHeader.MAGIC) {
                throw corrupt(in, "bad magic 0x" + Integer.toHexString(magic));
            }
        }
        return true;
    }

    private static FrameHeader readHeader(ByteBuf in, int start) {
        return new FrameHeader(
                in.getShort(start + CODE_OFFSET),
                in.getShort(start + VERSION_OFFSET),
                in.getInt(start + OPAQUE_OFFSET),
                in.getInt(start + FLAG_OFFSET),
                in.getShort(start + REQUEST_CODE_OFFSET));
    }

    private void discard(ByteBuf in) {
        int n = (int) Math.min(bytesToDiscard, in.readableBytes());
        in.skipBytes(n);
        bytesToDiscard -= n;
    }

    private CorruptedFrameException corrupt(ByteBuf in, String reason) {
        corrupt = true;
        in.skipBytes(in.readableBytes());
        return new CorruptedFrameException(reason);
    }
}

package io.qmq.adapters.netty.codec;

/**
 * A frame whose header was read but whose body the decoder refused (it exceeds the size limit) and
 * skipped without buffering. The stream stays in step, so the receiver can still answer by opaque.
 */
public record RejectedFrame(FrameHeader header, String reason) {
}

package io.qmq.adapters.netty.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;
import io.netty.buffer.Unpooled;
import java.util.Objects;

/**
 * One QMQ frame: a header and a body. The frame owns one reference to its body; whoever receives a
 * frame from the pipeline releases it, and the encoder releases frames it writes.
 */
public final class Frame extends DefaultByteBufHolder {

    private final FrameHeader header;

    public Frame(FrameHeader header, ByteBuf body) {
        super(body);
        this.header = Objects.requireNonNull(header, "header");
    }

    /** A response to {@code request} carrying {@code body} (ownership of the body passes to the frame). */
    public static Frame response(FrameHeader request, int code, ByteBuf body) {
        return new Frame(request.responseWith(code), body);
    }

    public static Frame emptyResponse(FrameHeader request, int code) {
        return response(request, code, Unpooled.EMPTY_BUFFER);
    }

    public FrameHeader header() {
        return header;
    }

    public ByteBuf body() {
        return content();
    }

    @Override
    public Frame replace(ByteBuf content) {
        return new Frame(header, content);
    }

    @Override
    public Frame copy() {
        return (Frame) super.copy();
    }

    @Override
    public Frame duplicate() {
        return (Frame) super.duplicate();
    }

    @Override
    public Frame retainedDuplicate() {
        return (Frame) super.retainedDuplicate();
    }

    @Override
    public Frame retain() {
        super.retain();
        return this;
    }

    @Override
    public Frame retain(int increment) {
        super.retain(increment);
        return this;
    }

    @Override
    public Frame touch() {
        super.touch();
        return this;
    }

    @Override
    public Frame touch(Object hint) {
        super.touch(hint);
        return this;
    }

    @Override
    public String toString() {
        return "Frame[" + header + ", body " + content().readableBytes() + " bytes]";
    }
}

package io.qmq.adapters.netty.handler;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.qmq.adapters.netty.codec.Frame;
import io.qmq.adapters.netty.codec.FrameHeader;
import io.qmq.application.port.in.BrokerIsSlaveException;
import java.util.concurrent.CompletionException;

/**
 * Sends the one response a request gets, on its own connection, with its opaque and version. Safe to
 * call from any thread: Netty hands the write to the channel's event loop, and releases the frame if
 * the connection has closed meanwhile.
 */
final class Replies {

    private Replies() {
    }

    /** Answers {@code request} with {@code body}, whose ownership passes here; one-way requests get nothing. */
    static void send(ChannelHandlerContext ctx, FrameHeader request, int code, ByteBuf body) {
        if (request.isOneWay()) {
            body.release();
            return;
        }
        ctx.writeAndFlush(Frame.response(request, code, body));
    }

    static void empty(ChannelHandlerContext ctx, FrameHeader request, int code) {
        send(ctx, request, code, Unpooled.EMPTY_BUFFER);
    }

    /** Whether a request failed because this broker is a slave (possibly wrapped by a future's completion). */
    static boolean isSlaveRefusal(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof BrokerIsSlaveException;
    }
}

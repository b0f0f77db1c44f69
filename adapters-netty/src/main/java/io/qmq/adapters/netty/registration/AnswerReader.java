package io.qmq.adapters.netty.registration;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.qmq.adapters.netty.codec.Frame;
import io.qmq.adapters.netty.codec.MalformedBodyException;
import io.qmq.adapters.netty.codec.ResponseCode;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Completes the one request in flight with the meta server's answer, decoded as that request's answer,
 * matched by opaque: late answers to a request that already timed out are dropped. A closed connection
 * fails the one in flight. Shared by the link's successive connections, which never overlap.
 */
@ChannelHandler.Sharable
final class AnswerReader extends SimpleChannelInboundHandler<Frame> {

    private record InFlight<T>(int opaque, CompletableFuture<T> answer, Function<ByteBuf, T> decoder) {

        void complete(Frame frame) {
            if (frame.header().code() != ResponseCode.SUCCESS) {
                answer.completeExceptionally(new IOException("answer code " + frame.header().code()));
                return;
            }
            try {
                answer.complete(decoder.apply(frame.body()));
            } catch (MalformedBodyException | IllegalArgumentException e) {
                answer.completeExceptionally(e);
            }
        }
    }

    private final AtomicReference<InFlight<?>> inFlight = new AtomicReference<>();

    /** The answer to the request sent with {@code opaque}, decoded from a code-0 answer's body. */
    <T> CompletableFuture<T> expect(int opaque, Function<ByteBuf, T> decoder) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        inFlight.set(new InFlight<>(opaque, answer, decoder));
        return answer;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Frame frame) {
        InFlight<?> current = inFlight.get();
        if (current != null && current.opaque() == frame.header().opaque()) {
            current.complete(frame);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        InFlight<?> current = inFlight.get();
        if (current != null) {
            current.answer().completeExceptionally(new IOException("meta connection closed"));
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}

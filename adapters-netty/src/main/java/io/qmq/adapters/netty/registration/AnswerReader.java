package io.qmq.adapters.netty.registration;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.qmq.adapters.netty.codec.BrokerRegisterResponseBody;
import io.qmq.adapters.netty.codec.Frame;
import io.qmq.adapters.netty.codec.MalformedBodyException;
import io.qmq.adapters.netty.codec.ResponseCode;
import io.qmq.domain.cluster.BrokerState;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Completes the one registration in flight with the meta server's answer, matched by opaque: late
 * answers to a request that already timed out are dropped. A closed connection fails the one in flight.
 * Shared by the link's successive connections, which never overlap.
 */
@ChannelHandler.Sharable
final class AnswerReader extends SimpleChannelInboundHandler<Frame> {

    private record InFlight(int opaque, CompletableFuture<BrokerState> answer) {
    }

    private final AtomicReference<InFlight> inFlight = new AtomicReference<>();

    CompletableFuture<BrokerState> expect(int opaque) {
        CompletableFuture<BrokerState> answer = new CompletableFuture<>();
        inFlight.set(new InFlight(opaque, answer));
        return answer;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Frame frame) {
        InFlight current = inFlight.get();
        if (current == null || current.opaque() != frame.header().opaque()) {
            return;
        }
        if (frame.header().code() != ResponseCode.SUCCESS) {
            current.answer().completeExceptionally(new IOException("answer code " + frame.header().code()));
            return;
        }
        try {
            current.answer().complete(BrokerState.ofCode(BrokerRegisterResponseBody.decode(frame.body()).state()));
        } catch (MalformedBodyException | IllegalArgumentException e) {
            current.answer().completeExceptionally(e);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        InFlight current = inFlight.get();
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

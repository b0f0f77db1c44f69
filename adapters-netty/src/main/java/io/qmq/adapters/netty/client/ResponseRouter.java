package io.qmq.adapters.netty.client;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.qmq.adapters.netty.codec.Frame;
import io.qmq.adapters.netty.codec.RejectedFrame;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matches answers to requests by opaque, per channel (one instance per channel). A late or unknown
 * answer is dropped and released. When the channel closes, every request still waiting fails at
 * once; an idle channel (no read or write for the idle time) is closed, like the stock client does.
 */
final class ResponseRouter extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ResponseRouter.class);

    private final String address;
    private final Map<Integer, CompletableFuture<Frame>> waiting = new ConcurrentHashMap<>();

    ResponseRouter(String address) {
        this.address = address;
    }

    /** Registers a request before it is written; it fails with a timeout unless answered in time. */
    void expect(ChannelHandlerContext ctx, int opaque, int code, CompletableFuture<Frame> answer, Duration timeout) {
        waiting.put(opaque, answer);
        ScheduledFuture<?> deadline = ctx.executor().schedule(() -> {
            if (waiting.remove(opaque, answer)) {
                answer.completeExceptionally(TransportException.timedOut(address, code, timeout));
            }
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        answer.whenComplete((frame, error) -> deadline.cancel(false));
    }

    void fail(int opaque, Throwable cause) {
        CompletableFuture<Frame> answer = waiting.remove(opaque);
        if (answer != null) {
            answer.completeExceptionally(TransportException.unwritable(address, cause));
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof RejectedFrame rejected) {
            CompletableFuture<Frame> answer = waiting.remove(rejected.header().opaque());
            if (answer != null) {
                answer.completeExceptionally(TransportException.refused(address, rejected.reason()));
            }
            return;
        }
        if (!(msg instanceof Frame frame)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        CompletableFuture<Frame> answer = waiting.remove(frame.header().opaque());
        if (answer == null || !answer.complete(frame)) {
            LOG.debug("dropping an answer from {} that nobody waits for: {}", address, frame);
            frame.release();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        waiting.values().forEach(answer -> answer.completeExceptionally(TransportException.closed(address)));
        waiting.clear();
        ctx.fireChannelInactive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            LOG.debug("closing idle connection to {}", address);
            ctx.close();
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.warn("closing connection to {}: {}", address, cause.toString());
        ctx.close();
    }
}

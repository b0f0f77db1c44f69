package io.qmq.adapters.netty.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.qmq.adapters.netty.codec.Frame;
import io.qmq.adapters.netty.codec.FrameHeader;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * The one connection this client keeps to a {@code host:port}, shared by every producer and consumer.
 * It connects lazily and again after the connection closed; requests are pipelined and answered by
 * opaque (see {@link ResponseRouter}).
 */
final class BrokerConnection {

    private final String address;
    private final Bootstrap bootstrap;
    private final IntSupplier opaques;
    private ChannelFuture current;

    BrokerConnection(String address, Bootstrap bootstrap, IntSupplier opaques) {
        this.address = address;
        this.bootstrap = bootstrap;
        this.opaques = opaques;
    }

    /**
     * Sends a request (taking ownership of {@code body}) and reads the answer with {@code reader}; the
     * answer frame is released afterwards, so readers must copy what they keep. Answers and failures
     * complete on the connection's event loop: callers must not block there.
     */
    <T> CompletableFuture<T> request(int code, ByteBuf body, Duration timeout, Function<Frame, T> reader) {
        CompletableFuture<Frame> answer = new CompletableFuture<>();
        if (bootstrap.config().group().isShuttingDown()) {
            // the client is closing: e.g. a listener finishing late must not reconnect on a dead event loop
            body.release();
            return CompletableFuture.failedFuture(TransportException.closed(address));
        }
        channel().addListener((ChannelFuture connected) -> {
            if (connected.isSuccess()) {
                write(connected.channel(), code, body, timeout, answer);
            } else {
                body.release();
                answer.completeExceptionally(TransportException.unreachable(address, connected.cause()));
            }
        });
        return answer.thenApply(frame -> {
            try {
                return reader.apply(frame);
            } finally {
                frame.release();
            }
        });
    }

    private void write(Channel channel, int code, ByteBuf body, Duration timeout, CompletableFuture<Frame> answer) {
        int opaque = opaques.getAsInt();
        ChannelHandlerContext ctx = channel.pipeline().context(ResponseRouter.class);
        if (ctx == null) {
            body.release();
            answer.completeExceptionally(TransportException.closed(address));
            return;
        }
        ResponseRouter router = (ResponseRouter) ctx.handler();
        router.expect(ctx, opaque, code, answer, timeout);
        Frame request = new Frame(FrameHeader.request(code, FrameHeader.CURRENT_VERSION, opaque), body);
        channel.writeAndFlush(request).addListener(written -> {
            if (!written.isSuccess()) {
                router.fail(opaque, written.cause());
            }
        });
    }

    private synchronized ChannelFuture channel() {
        if (current == null || (current.isDone() && !current.channel().isActive())) {
            int colon = address.lastIndexOf(':');
            current = bootstrap.connect(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
        }
        return current;
    }

    synchronized void close() {
        if (current != null) {
            current.channel().close();
        }
    }
}

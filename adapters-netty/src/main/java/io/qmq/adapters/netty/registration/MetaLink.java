package io.qmq.adapters.netty.registration;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.qmq.adapters.netty.client.MetaAddressLookup;
import io.qmq.adapters.netty.codec.BacklogReportRequestBody;
import io.qmq.adapters.netty.codec.BrokerRegisterRequestBody;
import io.qmq.adapters.netty.codec.BrokerRegisterResponseBody;
import io.qmq.adapters.netty.codec.CommandCode;
import io.qmq.adapters.netty.codec.Frame;
import io.qmq.adapters.netty.codec.FrameDecoder;
import io.qmq.adapters.netty.codec.FrameEncoder;
import io.qmq.adapters.netty.codec.FrameHeader;
import io.qmq.domain.cluster.BrokerState;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The broker's connection to its meta server: found through HTTP discovery, opened on first use, and
 * forgotten (address included) after any failure, so the next exchange discovers the meta server again
 * and follows it when it moved.
 *
 * <p>Thread ownership: {@link #exchange} blocks and is called from the registrar's thread only, one
 * request at a time; the answer arrives on the event loop through {@link AnswerReader}.
 */
final class MetaLink {

    /** Meta answers are at most one byte; anything large is not ours. */
    private static final int MAX_FRAME_BYTES = 64 * 1024;

    private final MetaAddressLookup lookup;
    private final Duration timeout;
    private final Bootstrap bootstrap;
    private final AnswerReader answers = new AnswerReader();
    private Optional<String> address = Optional.empty();
    private Channel channel;
    private int nextOpaque;

    MetaLink(MetaAddressLookup lookup, EventLoopGroup eventLoop, Duration timeout) {
        this.lookup = lookup;
        this.timeout = timeout;
        this.bootstrap = new Bootstrap().group(eventLoop).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new FrameDecoder(MAX_FRAME_BYTES), new FrameEncoder(), answers);
                    }
                });
    }

    /** Sends one registration and answers the state the meta server wants; on failure the link starts over. */
    BrokerState exchange(BrokerRegisterRequestBody request) throws MetaUnreachableException {
        return exchange(CommandCode.BROKER_REGISTER, request::encode,
                body -> BrokerState.ofCode(BrokerRegisterResponseBody.decode(body).state()));
    }

    /** Sends one backlog report and waits for its (empty) answer; on failure the link starts over. */
    void report(BacklogReportRequestBody report) throws MetaUnreachableException {
        exchange(CommandCode.BACKLOG_REPORT, report::encode, body -> Boolean.TRUE);
    }

    private <T> T exchange(int code, Consumer<ByteBuf> request, Function<ByteBuf, T> answerDecoder)
            throws MetaUnreachableException {
        try {
            return await(send(connected(), code, request, answerDecoder));
        } catch (MetaUnreachableException e) {
            forget();
            throw e;
        }
    }

    /** Where the last exchange went, for logs. */
    String address() {
        return address.orElse("(not discovered)");
    }

    private Channel connected() throws MetaUnreachableException {
        if (channel != null && channel.isActive()) {
            return channel;
        }
        if (address.isEmpty()) {
            address = lookup.lookup();
        }
        String target = address.orElseThrow(() -> new MetaUnreachableException("discovery found no meta server"));
        int colon = target.lastIndexOf(':');
        ChannelFuture connect = bootstrap.connect(target.substring(0, colon), Integer.parseInt(target.substring(colon + 1)));
        if (!connect.awaitUninterruptibly(timeout.toMillis()) || !connect.isSuccess()) {
            connect.channel().close();
            throw new MetaUnreachableException("cannot connect to meta server " + target, connect.cause());
        }
        channel = connect.channel();
        return channel;
    }

    private <T> CompletableFuture<T> send(Channel ch, int code, Consumer<ByteBuf> request, Function<ByteBuf, T> answerDecoder) {
        int opaque = ++nextOpaque;
        CompletableFuture<T> answer = answers.expect(opaque, answerDecoder);
        ByteBuf body = ch.alloc().buffer();
        request.accept(body);
        ch.writeAndFlush(new Frame(FrameHeader.request(code, FrameHeader.CURRENT_VERSION, opaque), body))
                .addListener(written -> {
                    if (!written.isSuccess()) {
                        answer.completeExceptionally(written.cause());
                    }
                });
        return answer;
    }

    private <T> T await(CompletableFuture<T> answer) throws MetaUnreachableException {
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new MetaUnreachableException("meta server " + address() + " did not answer within " + timeout);
        } catch (ExecutionException e) {
            throw new MetaUnreachableException("meta server " + address() + " refused: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MetaUnreachableException("interrupted while talking to " + address());
        }
    }

    private void forget() {
        address = Optional.empty();
        close();
    }

    void close() {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }
}

package io.qmq.adapters.netty.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.qmq.adapters.netty.codec.ClientRegisterRequestBody;
import io.qmq.adapters.netty.codec.CommandCode;
import io.qmq.adapters.netty.codec.Frame;
import io.qmq.adapters.netty.codec.FrameDecoder;
import io.qmq.adapters.netty.codec.FrameEncoder;
import io.qmq.adapters.netty.codec.FrameHeader;
import io.qmq.adapters.netty.codec.MalformedBodyException;
import io.qmq.adapters.netty.codec.MetaInfoResponseBody;
import io.qmq.adapters.netty.codec.ResponseCode;
import java.time.Clock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's single connection to the meta server. Requests are fire-and-forget with opaque 0; every
 * code-0 frame that comes back is a meta answer, matched by the subject and client type in its body,
 * not by opaque. The address is looked up over HTTP at first use and again when a request goes out
 * more than the refresh interval after the last lookup.
 *
 * <p>Thread ownership: {@link #send} blocks (HTTP lookup, connect) and must only be called from the
 * meta client's own thread; answers are handed to the consumer on the event loop.
 */
final class MetaConnection {

    private static final Logger LOG = LoggerFactory.getLogger(MetaConnection.class);

    private final MetaAddressLookup lookup;
    private final QmqClientConfig config;
    private final Clock clock;
    private final Bootstrap bootstrap;
    private String address;
    private long lookedUpAt;
    private Channel channel;

    MetaConnection(MetaAddressLookup lookup, EventLoopGroup eventLoops, QmqClientConfig config, Clock clock,
                   Consumer<MetaInfoResponseBody> answers) {
        this.lookup = lookup;
        this.config = config;
        this.clock = clock;
        this.bootstrap = new Bootstrap().group(eventLoops).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.connectTimeout().toMillis())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new FrameDecoder(config.maxFrameBytes()), new FrameEncoder(), new AnswerReader(answers));
                    }
                });
    }

    /** Sends one CLIENT_REGISTER; false when there is no meta server to send it to right now. */
    boolean send(ClientRegisterRequestBody request) {
        Channel ch = connected();
        if (ch == null) {
            return false;
        }
        ByteBuf body = ch.alloc().buffer();
        request.encode(body);
        ch.writeAndFlush(new Frame(FrameHeader.request(CommandCode.CLIENT_REGISTER, FrameHeader.CURRENT_VERSION, 0), body));
        return true;
    }

    private Channel connected() {
        boolean stale = address == null || clock.millis() - lookedUpAt > config.routeRefreshInterval().toMillis();
        if (stale) {
            lookup.lookup().ifPresent(this::useAddress);
        }
        if (address == null) {
            LOG.warn("no meta server address from {}", config.metaServer());
            return null;
        }
        if (channel == null || !channel.isActive()) {
            channel = connect(address);
        }
        return channel;
    }

    private void useAddress(String found) {
        lookedUpAt = clock.millis();
        if (!found.equals(address) && channel != null) {
            channel.close();
            channel = null;
        }
        address = found;
    }

    private Channel connect(String target) {
        int colon = target.lastIndexOf(':');
        ChannelFuture future = bootstrap.connect(target.substring(0, colon), Integer.parseInt(target.substring(colon + 1)));
        if (!future.awaitUninterruptibly(config.connectTimeout().toMillis()) || !future.isSuccess()) {
            LOG.warn("cannot connect to meta server {}: {}", target, String.valueOf(future.cause()));
            future.channel().close();
            return null;
        }
        return future.channel();
    }

    void close() {
        if (channel != null) {
            channel.close();
        }
    }

    /** Decodes meta answers; frames with another code are dropped, as the stock client does. */
    private static final class AnswerReader extends SimpleChannelInboundHandler<Frame> {
        private final Consumer<MetaInfoResponseBody> answers;

        AnswerReader(Consumer<MetaInfoResponseBody> answers) {
            this.answers = answers;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Frame frame) {
            if (frame.header().code() != ResponseCode.SUCCESS) {
                LOG.warn("meta server answered code {}", frame.header().code());
                return;
            }
            try {
                answers.accept(MetaInfoResponseBody.decode(frame.body()));
            } catch (MalformedBodyException e) {
                LOG.warn("dropping a malformed meta answer: {}", e.getMessage());
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.warn("closing meta connection: {}", cause.toString());
            ctx.close();
        }
    }
}

package io.qmq.adapters.netty.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.qmq.adapters.netty.codec.FrameDecoder;
import io.qmq.adapters.netty.codec.FrameEncoder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One {@link BrokerConnection} per {@code host:port} string, as the meta server spells it. Opaques come
 * from one counter for the whole client, so they are distinct on every connection.
 */
final class BrokerConnections {

    private static final int SOCKET_BUFFER_BYTES = 64 * 1024;
    private static final FrameEncoder ENCODER = new FrameEncoder();

    private final EventLoopGroup eventLoops;
    private final QmqClientConfig config;
    private final AtomicInteger opaques = new AtomicInteger();
    private final Map<String, BrokerConnection> connections = new ConcurrentHashMap<>();

    BrokerConnections(EventLoopGroup eventLoops, QmqClientConfig config) {
        this.eventLoops = eventLoops;
        this.config = config;
    }

    BrokerConnection to(String address) {
        return connections.computeIfAbsent(address, a -> new BrokerConnection(a, bootstrap(a), opaques::getAndIncrement));
    }

    void close() {
        connections.values().forEach(BrokerConnection::close);
        connections.clear();
    }

    private Bootstrap bootstrap(String address) {
        return new Bootstrap()
                .group(eventLoops)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, false)
                .option(ChannelOption.SO_SNDBUF, SOCKET_BUFFER_BYTES)
                .option(ChannelOption.SO_RCVBUF, SOCKET_BUFFER_BYTES)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.connectTimeout().toMillis())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(
                                new IdleStateHandler(0, 0, config.idleTimeout().toMillis(), TimeUnit.MILLISECONDS),
                                new FrameDecoder(config.maxFrameBytes()),
                                ENCODER,
                                new ResponseRouter(address));
                    }
                });
    }
}

package io.qmq.adapters.netty;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * One listening socket with its own acceptor thread and I/O event loops (NIO; the JDK selector is
 * epoll-based on Linux already, so no native transport is needed). Closing stops accepting first, then
 * lets the event loops drain writes already queued for a short quiet period before closing connections.
 */
final class TcpEndpoint implements AutoCloseable {

    /** No new tasks for this long lets queued responses go out before connections close. */
    private static final long DRAIN_QUIET_MILLIS = 200;
    private static final long DRAIN_TIMEOUT_MILLIS = 3_000;
    private static final int BACKLOG = 1024;

    private final EventLoopGroup acceptor;
    private final EventLoopGroup workers;
    private final Channel listener;

    private TcpEndpoint(EventLoopGroup acceptor, EventLoopGroup workers, Channel listener) {
        this.acceptor = acceptor;
        this.workers = workers;
        this.listener = listener;
    }

    /** Binds {@code host:port} (port 0 picks one); throws {@link ServerStartException} when it cannot. */
    static TcpEndpoint bind(String name, String host, int port, int ioThreads,
                            ChannelInitializer<SocketChannel> pipeline) {
        EventLoopGroup acceptor = new NioEventLoopGroup(1, new DefaultThreadFactory(name + "-accept", true));
        EventLoopGroup workers = new NioEventLoopGroup(ioThreads, new DefaultThreadFactory(name + "-io", true));
        ChannelFuture bound = new ServerBootstrap()
                .group(acceptor, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, BACKLOG)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(pipeline)
                .bind(host, port)
                .awaitUninterruptibly();
        if (!bound.isSuccess()) {
            acceptor.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            workers.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw new ServerStartException(name + " cannot listen on " + host + ":" + port, bound.cause());
        }
        return new TcpEndpoint(acceptor, workers, bound.channel());
    }

    int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    @Override
    public void close() {
        listener.close().awaitUninterruptibly();
        workers.shutdownGracefully(DRAIN_QUIET_MILLIS, DRAIN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).awaitUninterruptibly();
        acceptor.shutdownGracefully(0, DRAIN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).awaitUninterruptibly();
    }
}

package io.qmq.adapters.netty.handler;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/** The pipeline of an HTTP discovery connection. */
public final class DiscoveryChannelInitializer extends ChannelInitializer<SocketChannel> {

    /** Discovery requests are bodiless GETs; anything larger is refused by the aggregator. */
    private static final int MAX_REQUEST_BYTES = 8 * 1024;
    /** The client's read timeout is 500 ms; a connection silent this long is abandoned. */
    private static final int IDLE_SECONDS = 30;

    private final DiscoveryHttpHandler handler;
    private final ConnectionGuard guard = new ConnectionGuard();

    /** @param metaAddress the {@code host:port} of the meta server's TCP endpoint */
    public DiscoveryChannelInitializer(String metaAddress) {
        this.handler = new DiscoveryHttpHandler(metaAddress);
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        channel.pipeline().addLast(
                new IdleStateHandler(IDLE_SECONDS, 0, 0, TimeUnit.SECONDS),
                new HttpServerCodec(),
                new HttpObjectAggregator(MAX_REQUEST_BYTES),
                handler,
                guard);
    }
}

package io.qmq.adapters.netty.client;

import com.sun.net.httpserver.HttpServer;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.qmq.adapters.netty.codec.ClientRegisterRequestBody;
import io.qmq.adapters.netty.codec.Frame;
import io.qmq.adapters.netty.codec.FrameDecoder;
import io.qmq.adapters.netty.codec.FrameEncoder;
import io.qmq.adapters.netty.codec.MetaInfoResponseBody;
import io.qmq.adapters.netty.codec.ResponseCode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A meta server for loopback tests: HTTP discovery at {@code /meta/address} and CLIENT_REGISTER on TCP,
 * answering every client type with the broker groups set for it (state RW), echoing subject, group
 * and client type.
 */
@ChannelHandler.Sharable
final class FakeMetaServer extends SimpleChannelInboundHandler<Frame> implements AutoCloseable {

    private final EventLoopGroup loop = new NioEventLoopGroup(1);
    private final Channel server;
    private final HttpServer http;
    private final Map<Integer, List<MetaInfoResponseBody.Group>> groupsByClientType = new ConcurrentHashMap<>();
    private final List<Map<String, String>> registrations = new CopyOnWriteArrayList<>();
    private volatile boolean consumersOffline;

    FakeMetaServer() throws IOException, InterruptedException {
        FakeMetaServer handler = this;
        server = new ServerBootstrap().group(loop).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new FrameDecoder(1 << 20), new FrameEncoder(), handler);
                    }
                }).bind("127.0.0.1", 0).sync().channel();
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/meta/address", exchange -> {
            byte[] body = ("127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        http.start();
    }

    String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/meta/address";
    }

    /** Routes every client type to these broker addresses, named fake-0, fake-1, ... */
    FakeMetaServer routeAllTo(String... addresses) {
        for (int type = 1; type <= 4; type++) {
            route(type, addresses);
        }
        return this;
    }

    FakeMetaServer route(int clientType, String... addresses) {
        List<MetaInfoResponseBody.Group> groups = new java.util.ArrayList<>();
        for (int i = 0; i < addresses.length; i++) {
            groups.add(new MetaInfoResponseBody.Group((clientType == 4 ? "delay-" : "fake-") + i, addresses[i], 0, 1));
        }
        groupsByClientType.put(clientType, groups);
        return this;
    }

    /** Answers consumers OFFLINE (with a newer timestamp) from now on. */
    void takeConsumersOffline() {
        consumersOffline = true;
    }

    List<Map<String, String>> registrations() {
        return registrations;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Frame frame) {
        ClientRegisterRequestBody request = ClientRegisterRequestBody.decode(frame.body());
        registrations.add(request.entries());
        int type = Integer.parseInt(request.get(ClientRegisterRequestBody.CLIENT_TYPE_CODE));
        MetaInfoResponseBody answer = new MetaInfoResponseBody(consumersOffline ? 1 : 0,
                request.get(ClientRegisterRequestBody.SUBJECT), request.get(ClientRegisterRequestBody.CONSUMER_GROUP),
                consumersOffline ? MetaInfoResponseBody.OFFLINE : MetaInfoResponseBody.ONLINE, type,
                groupsByClientType.getOrDefault(type, List.of()));
        ByteBuf body = ctx.alloc().buffer();
        answer.encode(body);
        ctx.writeAndFlush(Frame.response(frame.header(), ResponseCode.SUCCESS, body));
    }

    @Override
    public void close() {
        http.stop(0);
        server.close().syncUninterruptibly();
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}

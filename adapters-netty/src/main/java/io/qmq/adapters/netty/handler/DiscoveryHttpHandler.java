package io.qmq.adapters.netty.handler;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The meta server's HTTP discovery endpoint: {@code GET /meta/address} answers the plain text
 * {@code host:port} of the meta server's TCP endpoint, which the stock client splits on ':'. Every
 * response closes the connection: clients ask once a minute at most. Stateless and shared.
 */
@ChannelHandler.Sharable
final class DiscoveryHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    static final String PATH = "/meta/address";

    private final String metaAddress;

    DiscoveryHttpHandler(String metaAddress) {
        this.metaAddress = metaAddress;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!request.decoderResult().isSuccess()) {
            respond(ctx, HttpResponseStatus.BAD_REQUEST, "bad request\n");
        } else if (!PATH.equals(new QueryStringDecoder(request.uri()).path())) {
            respond(ctx, HttpResponseStatus.NOT_FOUND, "not found\n");
        } else if (!HttpMethod.GET.equals(request.method())) {
            respond(ctx, HttpResponseStatus.METHOD_NOT_ALLOWED, "use GET\n");
        } else {
            respond(ctx, HttpResponseStatus.OK, metaAddress);
        }
    }

    private static void respond(ChannelHandlerContext ctx, HttpResponseStatus status, String text) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=UTF-8")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}

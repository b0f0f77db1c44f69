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
import io.qmq.application.port.in.ClusterChangeRefusedException;
import io.qmq.application.port.in.InspectSchedulesUseCase;
import io.qmq.application.port.in.UnknownBrokerGroupException;
import io.qmq.application.port.in.UnknownSubjectException;
import io.qmq.application.port.out.MetaDataUnavailableException;
import io.qmq.domain.delay.ScheduledMessage;
import io.qmq.domain.message.MessageId;
import io.qmq.domain.message.Subject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the delay and cluster admin requests documented on {@code AdminHttpServer}. The token is checked in
 * constant time before anything else; the use case runs on the work executor and the answer is
 * written back from there (Netty hands the write to the event loop). Each answer closes the
 * connection. Stateless and shared.
 */
@ChannelHandler.Sharable
final class AdminHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    static final String TOKEN_HEADER = "X-Admin-Token";
    static final String COUNT_PATH = "/delay/pending/count";
    static final String MESSAGES_PATH = "/delay/messages/";
    private static final Logger LOG = LoggerFactory.getLogger(AdminHttpHandler.class);

    private final byte[] token;
    private final Optional<InspectSchedulesUseCase> schedules;
    private final Optional<ClusterAdminRequests> cluster;
    private final Executor work;

    AdminHttpHandler(String token, Optional<InspectSchedulesUseCase> schedules, Optional<ClusterAdminRequests> cluster,
                     Executor work) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.schedules = schedules;
        this.cluster = cluster;
        this.work = work;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        String given = request.headers().get(TOKEN_HEADER);
        if (given == null || !MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
            respond(ctx, HttpResponseStatus.UNAUTHORIZED, error((given == null ? "missing " : "wrong ")
                    + TOKEN_HEADER + " header: the admin token is the node's admin.token setting"));
            return;
        }
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        HttpMethod method = request.method();
        try {
            work.execute(() -> answer(ctx, method, uri));
        } catch (RejectedExecutionException e) {
            respond(ctx, HttpResponseStatus.SERVICE_UNAVAILABLE, error("admin endpoint busy or stopping"));
        }
    }

    private void answer(ChannelHandlerContext ctx, HttpMethod method, QueryStringDecoder uri) {
        AdminAnswer answer;
        try {
            answer = route(method, uri).orElseGet(() -> new AdminAnswer(HttpResponseStatus.NOT_FOUND,
                    error("no such admin request on this node: " + method + " " + uri.path())));
        } catch (UnknownBrokerGroupException | UnknownSubjectException e) {
            answer = new AdminAnswer(HttpResponseStatus.NOT_FOUND, error(e.getMessage()));
        } catch (ClusterChangeRefusedException e) {
            answer = new AdminAnswer(HttpResponseStatus.CONFLICT, error(e.getMessage()));
        } catch (IllegalArgumentException e) { // invalid subject, id, time or group: the request is wrong
            answer = new AdminAnswer(HttpResponseStatus.BAD_REQUEST, error(e.getMessage()));
        } catch (MetaDataUnavailableException e) {
            answer = new AdminAnswer(HttpResponseStatus.SERVICE_UNAVAILABLE, error("meta-data store unavailable: " + e.getMessage()));
        } catch (RuntimeException e) {
            LOG.warn("admin request {} {} failed", method, uri.uri(), e);
            answer = new AdminAnswer(HttpResponseStatus.INTERNAL_SERVER_ERROR, error("failed: " + e.getMessage()));
        }
        respond(ctx, answer.status(), answer.json());
    }

    private Optional<AdminAnswer> route(HttpMethod method, QueryStringDecoder uri) {
        String path = uri.path();
        if (path.startsWith(ClusterAdminRequests.PREFIX)) {
            return cluster.flatMap(c -> c.answer(method, uri));
        }
        if (schedules.isEmpty()) {
            return Optional.empty();
        }
        if (path.equals(COUNT_PATH) && method.equals(HttpMethod.GET)) {
            return Optional.of(new AdminAnswer(HttpResponseStatus.OK, count(schedules.get(), uri)));
        }
        if (path.startsWith(MESSAGES_PATH) && path.length() > MESSAGES_PATH.length()) {
            MessageId id = MessageId.of(QueryStringDecoder.decodeComponent(path.substring(MESSAGES_PATH.length())));
            return Optional.of(messages(schedules.get(), method, id));
        }
        return Optional.empty();
    }

    private static String count(InspectSchedulesUseCase schedules, QueryStringDecoder uri) {
        Subject subject = Subject.of(AdminQuery.required(uri, "subject"));
        Instant from = AdminQuery.instant(uri, "from", Instant.EPOCH);
        Instant to = AdminQuery.instant(uri, "to", Instant.ofEpochMilli(Long.MAX_VALUE));
        long pending = schedules.countPending(subject, from, to);
        return "{\"subject\":" + AdminQuery.json(subject.name()) + ",\"from\":" + AdminQuery.json(from.toString())
                + ",\"to\":" + AdminQuery.json(to.toString()) + ",\"pending\":" + pending + "}\n";
    }

    private static AdminAnswer messages(InspectSchedulesUseCase schedules, HttpMethod method, MessageId id) {
        if (method.equals(HttpMethod.GET)) {
            List<ScheduledMessage> pending = schedules.pendingWithId(id);
            return pending.isEmpty() ? new AdminAnswer(HttpResponseStatus.NOT_FOUND, error("no pending message with id " + id))
                    : new AdminAnswer(HttpResponseStatus.OK, shown(id, pending));
        }
        if (method.equals(HttpMethod.DELETE)) {
            int cancelled = schedules.cancel(id);
            return cancelled == 0 ? new AdminAnswer(HttpResponseStatus.NOT_FOUND, error("no pending message with id " + id))
                    : new AdminAnswer(HttpResponseStatus.OK, "{\"id\":" + AdminQuery.json(id.value()) + ",\"cancelled\":" + cancelled + "}\n");
        }
        return new AdminAnswer(HttpResponseStatus.METHOD_NOT_ALLOWED, error("use GET or DELETE on " + MESSAGES_PATH + id));
    }

    private static String shown(MessageId id, List<ScheduledMessage> pending) {
        String messages = pending.stream().map(m -> "{\"subject\":" + AdminQuery.json(m.message().subject().name())
                + ",\"dueAt\":" + AdminQuery.json(Instant.ofEpochMilli(m.dueAt()).toString())
                + ",\"scheduleId\":" + m.scheduleId() + ",\"bytes\":" + m.message().size() + "}")
                .collect(Collectors.joining(","));
        return "{\"id\":" + AdminQuery.json(id.value()) + ",\"messages\":[" + messages + "]}\n";
    }

    private static String error(String reason) {
        return "{\"error\":" + AdminQuery.json(reason) + "}\n";
    }

    private static void respond(ChannelHandlerContext ctx, HttpResponseStatus status, String json) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(json, StandardCharsets.UTF_8));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=UTF-8")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}

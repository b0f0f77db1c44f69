package io.qmq.adapters.netty.handler;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.qmq.adapters.netty.codec.ClientRegisterRequestBody;
import io.qmq.adapters.netty.codec.FrameHeader;
import io.qmq.adapters.netty.codec.MalformedBodyException;
import io.qmq.adapters.netty.codec.MetaInfoResponseBody;
import io.qmq.adapters.netty.codec.ResponseCode;
import io.qmq.application.port.in.RegisterClientCommand;
import io.qmq.application.port.in.RegisterClientUseCase;
import io.qmq.application.port.in.RouteAnswer;
import io.qmq.domain.cluster.ClientRegistration;
import io.qmq.domain.cluster.ClientType;
import io.qmq.domain.message.Subject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CLIENT_REGISTER (35): the client keys answers by the subject and client type inside the body, so both
 * are echoed exactly as received (a retry subject stays {@code %RETRY%s%g}; the use case routes it by its
 * real subject). An invalid subject or client type gets stock's refusal: stamp -2, offline, no groups.
 * A failing use case gets 51, which the client ignores, keeping the groups it had. Registration may
 * touch a database, so it runs on the blocking-work executor.
 */
final class ClientRegisterHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ClientRegisterHandler.class);
    /** What stock meta servers stamp on refusals; it can never take a consumer offline. */
    private static final long REFUSAL_STAMP = -2;

    private final RegisterClientUseCase registerClient;
    private final Clock clock;
    private final Executor blockingWork;

    ClientRegisterHandler(RegisterClientUseCase registerClient, Clock clock, Executor blockingWork) {
        this.registerClient = registerClient;
        this.clock = clock;
        this.blockingWork = blockingWork;
    }

    /** Handles the request; the caller keeps ownership of {@code body}, which is fully read here. */
    void handle(ChannelHandlerContext ctx, FrameHeader request, ByteBuf body) {
        ClientRegisterRequestBody registration;
        try {
            registration = ClientRegisterRequestBody.decode(body);
        } catch (MalformedBodyException e) {
            LOG.warn("refusing client registration from {}: {}", ctx.channel().remoteAddress(), e.getMessage());
            Replies.empty(ctx, request, ResponseCode.BROKER_ERROR);
            return;
        }
        try {
            blockingWork.execute(() -> answer(ctx, request, registration));
        } catch (RejectedExecutionException e) {
            LOG.warn("client registration from {} refused: executor saturated", ctx.channel().remoteAddress());
            Replies.empty(ctx, request, ResponseCode.BROKER_ERROR);
        }
    }

    private void answer(ChannelHandlerContext ctx, FrameHeader request, ClientRegisterRequestBody registration) {
        MetaInfoResponseBody response;
        try {
            response = route(registration);
        } catch (RuntimeException e) {
            LOG.warn("client registration from {} failed: {}", ctx.channel().remoteAddress(), registration, e);
            Replies.empty(ctx, request, ResponseCode.BROKER_ERROR);
            return;
        }
        ByteBuf out = ctx.alloc().buffer();
        response.encode(out);
        Replies.send(ctx, request, ResponseCode.SUCCESS, out);
    }

    private MetaInfoResponseBody route(ClientRegisterRequestBody registration) {
        String subject = registration.get(ClientRegisterRequestBody.SUBJECT);
        String group = registration.get(ClientRegisterRequestBody.CONSUMER_GROUP);
        Optional<ClientType> type = clientType(registration.get(ClientRegisterRequestBody.CLIENT_TYPE_CODE));
        int typeCode = type.map(ClientType::code).orElse(0);
        Optional<Subject> validSubject = subject(subject);
        if (type.isEmpty() || validSubject.isEmpty()) {
            return new MetaInfoResponseBody(REFUSAL_STAMP, subject, group, MetaInfoResponseBody.OFFLINE, typeCode, List.of());
        }
        ClientRegistration who = new ClientRegistration(validSubject.get(), type.get(),
                registration.get(ClientRegisterRequestBody.APP_CODE), registration.get(ClientRegisterRequestBody.CLIENT_ID),
                group, clock.millis());
        boolean firstContact = ClientRegisterRequestBody.REQUEST_TYPE_ONLINE
                .equals(registration.get(ClientRegisterRequestBody.REQUEST_TYPE));
        RouteAnswer answer = registerClient.register(new RegisterClientCommand(who, firstContact));
        List<MetaInfoResponseBody.Group> groups = answer.groups().stream()
                .map(g -> new MetaInfoResponseBody.Group(g.name(), g.masterAddress(), g.updatedAt(), g.state().code()))
                .toList();
        int state = answer.consumerOnline() ? MetaInfoResponseBody.ONLINE : MetaInfoResponseBody.OFFLINE;
        return new MetaInfoResponseBody(answer.version(), subject, group, state, typeCode, groups);
    }

    private static Optional<ClientType> clientType(String code) {
        try {
            return Optional.of(ClientType.ofCode(Integer.parseInt(code.trim())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Subject> subject(String name) {
        try {
            return Optional.of(Subject.of(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

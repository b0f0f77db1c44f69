package io.qmq.adapters.netty.handler;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.qmq.adapters.netty.codec.BrokerRegisterRequestBody;
import io.qmq.adapters.netty.codec.BrokerRegisterResponseBody;
import io.qmq.adapters.netty.codec.FrameHeader;
import io.qmq.adapters.netty.codec.MalformedBodyException;
import io.qmq.adapters.netty.codec.ResponseCode;
import io.qmq.application.port.in.RegisterBrokerUseCase;
import io.qmq.domain.cluster.BrokerGroup;
import io.qmq.domain.cluster.BrokerGroupKind;
import io.qmq.domain.cluster.BrokerState;
import io.qmq.domain.cluster.GroupSlave;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BROKER_REGISTER (30): a master's online, heartbeat or offline report becomes its group's record, stamped
 * with the meta server's clock (that stamp is what silent groups are judged by), and the answer carries
 * the state the meta server wants the broker in. Offline reports are recorded as OFFLINE whatever state
 * they carry. A realtime slave's report is kept beside its group for operators, never routed to; other
 * roles (backups, delay slaves) are answered with their own state and not recorded. The use case may touch a database, so it runs on the blocking-work executor; any invalid
 * value is answered 51 with one warning.
 */
final class BrokerRegisterHandler {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerRegisterHandler.class);

    private final RegisterBrokerUseCase registerBroker;
    private final Clock clock;
    private final Executor blockingWork;

    BrokerRegisterHandler(RegisterBrokerUseCase registerBroker, Clock clock, Executor blockingWork) {
        this.registerBroker = registerBroker;
        this.clock = clock;
        this.blockingWork = blockingWork;
    }

    /** Handles the request; the caller keeps ownership of {@code body}, which is fully read here. */
    void handle(ChannelHandlerContext ctx, FrameHeader request, ByteBuf body) {
        BrokerRegisterRequestBody report;
        BrokerGroup group;
        try {
            report = BrokerRegisterRequestBody.decode(body);
            group = groupOf(report);
        } catch (MalformedBodyException | IllegalArgumentException e) {
            LOG.warn("refusing broker registration from {}: {}", ctx.channel().remoteAddress(), e.getMessage());
            Replies.empty(ctx, request, ResponseCode.BROKER_ERROR);
            return;
        }
        if (report.isSlave()) {
            GroupSlave slave = new GroupSlave(group.name(), group.masterAddress(), group.state(), group.updatedAt());
            execute(ctx, request, group, () -> answer(ctx, request, registerBroker.registerSlave(slave)));
            return;
        }
        if (!report.isMaster()) {
            LOG.debug("ignoring registration of {} with role {}", report.brokerAddress(), report.role());
            answer(ctx, request, group.state());
            return;
        }
        execute(ctx, request, group, () -> register(ctx, request, group));
    }

    private void execute(ChannelHandlerContext ctx, FrameHeader request, BrokerGroup group, Runnable work) {
        try {
            blockingWork.execute(work);
        } catch (RejectedExecutionException e) {
            LOG.warn("broker registration of {} refused: executor saturated", group.name());
            Replies.empty(ctx, request, ResponseCode.BROKER_ERROR);
        }
    }

    private BrokerGroup groupOf(BrokerRegisterRequestBody report) {
        if (report.requestType() < BrokerRegisterRequestBody.ONLINE || report.requestType() > BrokerRegisterRequestBody.OFFLINE) {
            throw new IllegalArgumentException("unknown request type " + report.requestType());
        }
        BrokerState reported = BrokerState.ofCode(report.state());
        BrokerState state = report.requestType() == BrokerRegisterRequestBody.OFFLINE ? BrokerState.OFFLINE : reported;
        BrokerGroupKind kind = report.isDelayRole() ? BrokerGroupKind.DELAY : BrokerGroupKind.REALTIME;
        return new BrokerGroup(report.groupName(), kind, report.brokerAddress(), state, clock.millis());
    }

    private void register(ChannelHandlerContext ctx, FrameHeader request, BrokerGroup group) {
        BrokerState wanted;
        try {
            wanted = registerBroker.register(group);
        } catch (RuntimeException e) {
            LOG.warn("broker registration of {} failed", group, e);
            Replies.empty(ctx, request, ResponseCode.BROKER_ERROR);
            return;
        }
        answer(ctx, request, wanted);
    }

    private static void answer(ChannelHandlerContext ctx, FrameHeader request, BrokerState state) {
        ByteBuf out = ctx.alloc().buffer(1);
        new BrokerRegisterResponseBody(state.code()).encode(out);
        Replies.send(ctx, request, ResponseCode.SUCCESS, out);
    }
}

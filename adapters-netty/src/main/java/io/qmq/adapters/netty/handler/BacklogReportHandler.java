package io.qmq.adapters.netty.handler;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.qmq.adapters.netty.codec.BacklogReportRequestBody;
import io.qmq.adapters.netty.codec.FrameHeader;
import io.qmq.adapters.netty.codec.MalformedBodyException;
import io.qmq.adapters.netty.codec.ResponseCode;
import io.qmq.application.port.in.RecordBacklogUseCase;
import io.qmq.domain.cluster.BacklogReport;
import io.qmq.domain.consumer.ConsumerGroup;
import io.qmq.domain.consumer.Subscription;
import io.qmq.domain.message.Subject;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BACKLOG_REPORT (ours): a broker's backlogs become its group's latest report, stamped with the meta
 * server's clock as heartbeats are, so the report's age never depends on the broker's clock. Recording
 * may touch a database, so it runs on the blocking-work executor; the use case drops what the store
 * cannot take, and the broker is answered 0 either way. An invalid report is answered 51.
 */
final class BacklogReportHandler {

    private static final Logger LOG = LoggerFactory.getLogger(BacklogReportHandler.class);

    private final RecordBacklogUseCase recordBacklog;
    private final Clock clock;
    private final Executor blockingWork;

    BacklogReportHandler(RecordBacklogUseCase recordBacklog, Clock clock, Executor blockingWork) {
        this.recordBacklog = recordBacklog;
        this.clock = clock;
        this.blockingWork = blockingWork;
    }

    /** Handles the request; the caller keeps ownership of {@code body}, which is fully read here. */
    void handle(ChannelHandlerContext ctx, FrameHeader request, ByteBuf body) {
        BacklogReport report;
        try {
            report = reportOf(BacklogReportRequestBody.decode(body));
        } catch (MalformedBodyException | IllegalArgumentException e) {
            LOG.warn("refusing backlog report from {}: {}", ctx.channel().remoteAddress(), e.getMessage());
            Replies.empty(ctx, request, ResponseCode.BROKER_ERROR);
            return;
        }
        try {
            blockingWork.execute(() -> record(ctx, request, report));
        } catch (RejectedExecutionException e) {
            LOG.debug("backlog report of {} dropped: executor saturated", report.brokerGroup());
            Replies.empty(ctx, request, ResponseCode.BROKER_ERROR);
        }
    }

    private BacklogReport reportOf(BacklogReportRequestBody body) {
        return new BacklogReport(body.groupName(), clock.millis(), body.complete(), body.entries().stream()
                .map(e -> new BacklogReport.Entry(new Subscription(Subject.of(e.subject()), ConsumerGroup.of(e.consumerGroup())),
                        e.undelivered(), e.unacknowledged()))
                .toList());
    }

    private void record(ChannelHandlerContext ctx, FrameHeader request, BacklogReport report) {
        try {
            recordBacklog.record(report);
        } catch (RuntimeException e) {
            LOG.warn("backlog report of {} failed", report.brokerGroup(), e);
            Replies.empty(ctx, request, ResponseCode.BROKER_ERROR);
            return;
        }
        Replies.empty(ctx, request, ResponseCode.SUCCESS);
    }
}

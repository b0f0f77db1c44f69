package io.qmq.adapters.netty.handler;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.qmq.adapters.netty.codec.CommandCode;
import io.qmq.adapters.netty.codec.Frame;
import io.qmq.adapters.netty.codec.RejectedFrame;
import io.qmq.adapters.netty.codec.ResponseCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes a meta connection's requests: CLIENT_REGISTER (35), BROKER_REGISTER (30) and our own
 * BACKLOG_REPORT; anything else gets UNKNOWN_CODE (3). The
 * handler reads the body before returning, so the frame is released here. Stateless and shared.
 */
@ChannelHandler.Sharable
final class MetaRequestDispatcher extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(MetaRequestDispatcher.class);

    private final ClientRegisterHandler clientRegister;
    private final BrokerRegisterHandler brokerRegister;
    private final BacklogReportHandler backlogReport;

    MetaRequestDispatcher(ClientRegisterHandler clientRegister, BrokerRegisterHandler brokerRegister,
                          BacklogReportHandler backlogReport) {
        this.clientRegister = clientRegister;
        this.brokerRegister = brokerRegister;
        this.backlogReport = backlogReport;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof RejectedFrame rejected) {
            LOG.warn("refusing meta request from {}: {}", ctx.channel().remoteAddress(), rejected.reason());
            Replies.empty(ctx, rejected.header(), ResponseCode.BROKER_ERROR);
        } else if (msg instanceof Frame frame) {
            try {
                int code = frame.header().code();
                if (code == CommandCode.CLIENT_REGISTER) {
                    clientRegister.handle(ctx, frame.header(), frame.body());
                } else if (code == CommandCode.BROKER_REGISTER) {
                    brokerRegister.handle(ctx, frame.header(), frame.body());
                } else if (code == CommandCode.BACKLOG_REPORT) {
                    backlogReport.handle(ctx, frame.header(), frame.body());
                } else {
                    Replies.empty(ctx, frame.header(), ResponseCode.UNKNOWN_CODE);
                }
            } catch (RuntimeException e) {
                LOG.warn("meta request {} from {} failed", frame.header(), ctx.channel().remoteAddress(), e);
                Replies.empty(ctx, frame.header(), ResponseCode.BROKER_ERROR);
            } finally {
                frame.release();
            }
        } else {
            ctx.fireChannelRead(msg);
        }
    }
}

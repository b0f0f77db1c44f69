package io.qmq.adapters.netty.handler;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.qmq.adapters.netty.codec.CommandCode;
import io.qmq.adapters.netty.codec.Frame;
import io.qmq.adapters.netty.codec.FrameHeader;
import io.qmq.adapters.netty.codec.RejectedFrame;
import io.qmq.adapters.netty.codec.ResponseCode;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes a broker connection's requests by command code: SEND (10), PULL (11), ACK (12) and our own
 * FIND_STORED_MESSAGES (30001) where the broker answers it; anything else
 * gets UNKNOWN_CODE (3) with an empty body. Each handler reads the body completely before returning, so
 * the frame is released here. A request that fails unexpectedly gets 51 and the connection stays open.
 * Stateless and shared by all connections.
 */
@ChannelHandler.Sharable
final class BrokerRequestDispatcher extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerRequestDispatcher.class);

    private final SendMessageHandler send;
    private final PullMessageHandler pull;
    private final AckMessageHandler ack;
    private final Optional<FindStoredMessagesHandler> findStored;

    BrokerRequestDispatcher(SendMessageHandler send, PullMessageHandler pull, AckMessageHandler ack) {
        this(send, pull, ack, Optional.empty());
    }

    BrokerRequestDispatcher(SendMessageHandler send, PullMessageHandler pull, AckMessageHandler ack,
                            Optional<FindStoredMessagesHandler> findStored) {
        this.send = send;
        this.pull = pull;
        this.ack = ack;
        this.findStored = findStored;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof RejectedFrame rejected) {
            LOG.warn("refusing request from {}: {}", ctx.channel().remoteAddress(), rejected.reason());
            Replies.empty(ctx, rejected.header(), ResponseCode.BROKER_ERROR);
        } else if (msg instanceof Frame frame) {
            try {
                dispatch(ctx, frame);
            } catch (RuntimeException e) {
                LOG.warn("request {} from {} failed", frame.header(), ctx.channel().remoteAddress(), e);
                Replies.empty(ctx, frame.header(), ResponseCode.BROKER_ERROR);
            } finally {
                frame.release();
            }
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    private void dispatch(ChannelHandlerContext ctx, Frame frame) {
        FrameHeader header = frame.header();
        switch (header.code()) {
            case CommandCode.SEND_MESSAGE -> send.handle(ctx, header, frame.body());
            case CommandCode.PULL_MESSAGE -> pull.handle(ctx, header, frame.body());
            case CommandCode.ACK_REQUEST -> ack.handle(ctx, header, frame.body());
            case CommandCode.FIND_STORED_MESSAGES -> findStored.ifPresentOrElse(h -> h.handle(ctx, header, frame.body()),
                    () -> Replies.empty(ctx, header, ResponseCode.UNKNOWN_CODE));
            default -> Replies.empty(ctx, header, ResponseCode.UNKNOWN_CODE);
        }
    }
}

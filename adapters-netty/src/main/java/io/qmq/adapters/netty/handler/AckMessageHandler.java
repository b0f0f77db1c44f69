package io.qmq.adapters.netty.handler;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.qmq.adapters.netty.codec.AckRequestBody;
import io.qmq.adapters.netty.codec.FrameHeader;
import io.qmq.adapters.netty.codec.MalformedBodyException;
import io.qmq.adapters.netty.codec.ResponseCode;
import io.qmq.application.port.in.AckCommand;
import io.qmq.application.port.in.AckMessagesUseCase;
import io.qmq.domain.consumer.Consumer;
import io.qmq.domain.consumer.SequenceRange;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ACK_REQUEST (12): the use case records acks durably and blocks, so it runs on the blocking-work
 * executor, never on the event loop. A bad consumer name, an inverted range or a full executor gets 51,
 * which the client answers by keeping the range and retrying. A negative begin is a heartbeat.
 */
final class AckMessageHandler {

    private static final Logger LOG = LoggerFactory.getLogger(AckMessageHandler.class);

    private final AckMessagesUseCase ackMessages;
    private final Executor blockingWork;

    AckMessageHandler(AckMessagesUseCase ackMessages, Executor blockingWork) {
        this.ackMessages = ackMessages;
        this.blockingWork = blockingWork;
    }

    /** Handles the request; the caller keeps ownership of {@code body}, which is fully read here. */
    void handle(ChannelHandlerContext ctx, FrameHeader request, ByteBuf body) {
        Optional<AckCommand> command;
        try {
            command = toCommand(AckRequestBody.decode(body, request.version()));
        } catch (MalformedBodyException e) {
            LOG.warn("refusing ack from {}: {}", ctx.channel().remoteAddress(), e.getMessage());
            command = Optional.empty();
        }
        if (command.isEmpty()) {
            Replies.empty(ctx, request, ResponseCode.BROKER_ERROR);
            return;
        }
        AckCommand ack = command.get();
        try {
            blockingWork.execute(() -> record(ctx, request, ack));
        } catch (RejectedExecutionException e) {
            LOG.warn("ack of {} from {} refused: executor saturated", ack.consumer(), ctx.channel().remoteAddress());
            Replies.empty(ctx, request, ResponseCode.BROKER_ERROR);
        }
    }

    private void record(ChannelHandlerContext ctx, FrameHeader request, AckCommand ack) {
        int code;
        try {
            ackMessages.ack(ack);
            code = ResponseCode.SUCCESS;
        } catch (RuntimeException e) {
            if (Replies.isSlaveRefusal(e)) {
                LOG.debug("refused ack of {} from {}: this broker is a slave", ack.consumer(), ctx.channel().remoteAddress());
                code = ResponseCode.BROKER_REJECT;
            } else {
                LOG.warn("ack of {} from {} failed", ack.consumer(), ctx.channel().remoteAddress(), e);
                code = ResponseCode.BROKER_ERROR;
            }
        }
        Replies.empty(ctx, request, code);
    }

    private static Optional<AckCommand> toCommand(AckRequestBody body) {
        Optional<Consumer> consumer = ConsumerAddress.of(body.subject(), body.group(), body.consumerId());
        if (consumer.isEmpty()) {
            return Optional.empty();
        }
        if (body.isHeartbeat()) {
            return Optional.of(new AckCommand(consumer.get(), Optional.empty(), body.broadcast()));
        }
        return SequenceRange.between(body.pullOffsetBegin(), body.pullOffsetLast())
                .map(range -> new AckCommand(consumer.get(), Optional.of(range), body.broadcast()));
    }
}

package io.qmq.adapters.netty.handler;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.qmq.adapters.netty.codec.FrameHeader;
import io.qmq.adapters.netty.codec.IncomingRecord;
import io.qmq.adapters.netty.codec.IncomingRecord.Accepted;
import io.qmq.adapters.netty.codec.IncomingRecord.Refused;
import io.qmq.adapters.netty.codec.MalformedBodyException;
import io.qmq.adapters.netty.codec.ResponseCode;
import io.qmq.adapters.netty.codec.SendRequestBody;
import io.qmq.adapters.netty.codec.SendResponseBody;
import io.qmq.adapters.netty.codec.SendResponseBody.Failure;
import io.qmq.application.port.in.SendMessagesCommand;
import io.qmq.application.port.in.SendMessagesUseCase;
import io.qmq.application.port.in.SendResult;
import io.qmq.domain.message.Message;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SEND_MESSAGE (10): decodes the whole body first, so a body that does not parse stores nothing and
 * gets 51; records refused on their own (crc, subject, tags) are answered per message without reaching
 * the use case. The answer goes out when the use case's future completes, listing only the messages
 * that were not stored. Never blocks the event loop.
 */
final class SendMessageHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SendMessageHandler.class);

    private final SendMessagesUseCase sendMessages;

    SendMessageHandler(SendMessagesUseCase sendMessages) {
        this.sendMessages = sendMessages;
    }

    /** Handles the request; the caller keeps ownership of {@code body}, which is fully read here. */
    void handle(ChannelHandlerContext ctx, FrameHeader request, ByteBuf body) {
        List<IncomingRecord> records;
        try {
            records = SendRequestBody.decode(body);
        } catch (MalformedBodyException e) {
            LOG.warn("refusing send from {}: {}", ctx.channel().remoteAddress(), e.getMessage());
            Replies.empty(ctx, request, ResponseCode.BROKER_ERROR);
            return;
        }
        List<Message> messages = new ArrayList<>(records.size());
        List<Failure> failures = new ArrayList<>();
        for (IncomingRecord record : records) {
            if (record instanceof Accepted accepted) {
                messages.add(accepted.message());
            } else {
                failures.add(refusal((Refused) record));
            }
        }
        if (messages.isEmpty()) {
            answer(ctx, request, failures);
        } else {
            store(ctx, request, messages, failures);
        }
    }

    private void store(ChannelHandlerContext ctx, FrameHeader request, List<Message> messages, List<Failure> failures) {
        sendMessages.send(new SendMessagesCommand(messages)).whenComplete((results, error) -> {
            if (error != null) {
                LOG.warn("storing {} messages from {} failed", messages.size(), ctx.channel().remoteAddress(), error);
                Replies.empty(ctx, request, ResponseCode.BROKER_ERROR);
                return;
            }
            List<Failure> all = new ArrayList<>(failures);
            for (SendResult result : results) {
                int code = SendStatusCodes.of(result.status());
                if (code != SendResponseBody.STORED) {
                    all.add(new Failure(result.id().value(), code, result.remark()));
                }
            }
            answer(ctx, request, all);
        });
    }

    private static void answer(ChannelHandlerContext ctx, FrameHeader request, List<Failure> failures) {
        ByteBuf out = ctx.alloc().buffer();
        new SendResponseBody(failures).encode(out);
        Replies.send(ctx, request, ResponseCode.SUCCESS, out);
    }

    private static Failure refusal(Refused refused) {
        int code = switch (refused.refusal()) {
            case INVALID_SUBJECT -> SendResponseBody.SUBJECT_NOT_ASSIGNED;
            case CORRUPT, INVALID_MESSAGE -> SendResponseBody.STORE_ERROR;
        };
        return new Failure(refused.messageId(), code, refused.remark());
    }
}

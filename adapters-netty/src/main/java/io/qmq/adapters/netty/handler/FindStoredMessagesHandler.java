package io.qmq.adapters.netty.handler;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.qmq.adapters.netty.codec.FindStoredRequestBody;
import io.qmq.adapters.netty.codec.FindStoredResponseBody;
import io.qmq.adapters.netty.codec.FrameHeader;
import io.qmq.adapters.netty.codec.IncomingRecord;
import io.qmq.adapters.netty.codec.MalformedBodyException;
import io.qmq.adapters.netty.codec.ResponseCode;
import io.qmq.application.port.in.FindStoredMessagesCommand;
import io.qmq.application.port.in.FindStoredMessagesUseCase;
import io.qmq.domain.message.Message;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FIND_STORED_MESSAGES (ours, {@link io.qmq.adapters.netty.codec.CommandCode#FIND_STORED_MESSAGES}):
 * a delay server asks which of its candidates this broker stores. The search may read the message
 * log, so it runs on the blocking executor, never on the event loop. A candidate that fails its crc
 * or a domain rule cannot have been stored as it is and is answered as not stored; a body that does
 * not parse, a full executor or a failed search get 51, which the asker takes as "unknown".
 */
final class FindStoredMessagesHandler {

    private static final Logger LOG = LoggerFactory.getLogger(FindStoredMessagesHandler.class);

    private final FindStoredMessagesUseCase findStored;
    private final Executor blockingWork;

    FindStoredMessagesHandler(FindStoredMessagesUseCase findStored, Executor blockingWork) {
        this.findStored = findStored;
        this.blockingWork = blockingWork;
    }

    /** Handles the request; the caller keeps ownership of {@code body}, which is fully read here. */
    void handle(ChannelHandlerContext ctx, FrameHeader request, ByteBuf body) {
        FindStoredRequestBody decoded;
        try {
            decoded = FindStoredRequestBody.decode(body);
        } catch (MalformedBodyException e) {
            LOG.warn("refusing find-stored request from {}: {}", ctx.channel().remoteAddress(), e.getMessage());
            Replies.empty(ctx, request, ResponseCode.BROKER_ERROR);
            return;
        }
        try {
            blockingWork.execute(() -> answer(ctx, request, decoded));
        } catch (RejectedExecutionException e) {
            LOG.warn("find-stored request from {} refused: executor saturated", ctx.channel().remoteAddress());
            Replies.empty(ctx, request, ResponseCode.BROKER_ERROR);
        }
    }

    private void answer(ChannelHandlerContext ctx, FrameHeader request, FindStoredRequestBody decoded) {
        Map<Message, Integer> places = new IdentityHashMap<>();
        List<Message> candidates = new ArrayList<>();
        for (int i = 0; i < decoded.candidates().size(); i++) {
            if (decoded.candidates().get(i) instanceof IncomingRecord.Accepted accepted) {
                places.put(accepted.message(), i);
                candidates.add(accepted.message());
            }
        }
        List<Integer> stored = new ArrayList<>();
        try {
            if (!candidates.isEmpty()) {
                findStored.findStored(new FindStoredMessagesCommand(candidates, decoded.since()))
                        .forEach(m -> stored.add(places.get(m)));
            }
        } catch (RuntimeException e) {
            LOG.warn("find-stored request from {} failed", ctx.channel().remoteAddress(), e);
            Replies.empty(ctx, request, ResponseCode.BROKER_ERROR);
            return;
        }
        Collections.sort(stored);
        ByteBuf out = ctx.alloc().buffer();
        new FindStoredResponseBody(stored).encode(out);
        Replies.send(ctx, request, ResponseCode.SUCCESS, out);
    }
}

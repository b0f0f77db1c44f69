package io.qmq.adapters.netty.handler;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.qmq.adapters.netty.codec.FrameHeader;
import io.qmq.adapters.netty.codec.MalformedBodyException;
import io.qmq.adapters.netty.codec.PullFilter;
import io.qmq.adapters.netty.codec.PullRequestBody;
import io.qmq.adapters.netty.codec.PullResponseBody;
import io.qmq.adapters.netty.codec.ResponseCode;
import io.qmq.application.port.in.PullCommand;
import io.qmq.application.port.in.PullMessagesUseCase;
import io.qmq.application.port.in.PullResult;
import io.qmq.domain.consumer.Consumer;
import io.qmq.domain.consumer.TagFilter;
import io.qmq.domain.consumer.TagMatch;
import io.qmq.domain.message.Message;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PULL_MESSAGE (11): an invalid consumer or a non-positive requestNum gets NO_MESSAGE as from stock
 * brokers; an unparseable body gets 51, a pull a slave refuses 52 (BROKER_REJECT, as QMQ's slaves). The long-poll runs in the use case; the answer is written when
 * its future completes: NO_MESSAGE for nothing, otherwise the stored records in one buffer.
 * The sub-environment filter is accepted and ignored (no isolation rules exist here).
 */
final class PullMessageHandler {

    private static final Logger LOG = LoggerFactory.getLogger(PullMessageHandler.class);

    private final PullMessagesUseCase pullMessages;

    PullMessageHandler(PullMessagesUseCase pullMessages) {
        this.pullMessages = pullMessages;
    }

    /** Handles the request; the caller keeps ownership of {@code body}, which is fully read here. */
    void handle(ChannelHandlerContext ctx, FrameHeader request, ByteBuf body) {
        PullCommand command;
        try {
            Optional<PullCommand> valid = toCommand(PullRequestBody.decode(body, request.version()));
            if (valid.isEmpty()) {
                Replies.empty(ctx, request, ResponseCode.NO_MESSAGE);
                return;
            }
            command = valid.get();
        } catch (MalformedBodyException e) {
            LOG.warn("refusing pull from {}: {}", ctx.channel().remoteAddress(), e.getMessage());
            Replies.empty(ctx, request, ResponseCode.BROKER_ERROR);
            return;
        }
        pullMessages.pull(command).whenComplete((result, error) -> {
            if (Replies.isSlaveRefusal(error)) {
                LOG.debug("refused pull of {} from {}: this broker is a slave", command.consumer(), ctx.channel().remoteAddress());
                Replies.empty(ctx, request, ResponseCode.BROKER_REJECT);
            } else if (error != null) {
                LOG.warn("pull of {} from {} failed", command.consumer(), ctx.channel().remoteAddress(), error);
                Replies.empty(ctx, request, ResponseCode.BROKER_ERROR);
            } else {
                answer(ctx, request, result);
            }
        });
    }

    private static void answer(ChannelHandlerContext ctx, FrameHeader request, PullResult result) {
        if (result.isEmpty()) {
            Replies.empty(ctx, request, ResponseCode.NO_MESSAGE);
            return;
        }
        ByteBuf body = PullResponseBody.encode(ctx.alloc(), result.firstPullSequence(),
                result.messages().stream().map(Message::encoded).toList());
        Replies.send(ctx, request, ResponseCode.SUCCESS, body);
    }

    private static Optional<PullCommand> toCommand(PullRequestBody pull) {
        Optional<Consumer> consumer = ConsumerAddress.of(pull.subject(), pull.group(), pull.consumerId());
        if (consumer.isEmpty() || pull.requestNum() <= 0) {
            return Optional.empty();
        }
        int wanted = Math.min(pull.requestNum(), PullCommand.MAX_MESSAGES);
        return Optional.of(new PullCommand(consumer.get(), wanted, pull.pullOffsetLast(),
                Duration.ofMillis(pull.timeoutMillis()), pull.broadcast(), tagFilter(pull)));
    }

    /** The first TAG filter of the request; QMQ sends at most one. */
    private static TagFilter tagFilter(PullRequestBody pull) {
        for (PullFilter filter : pull.filters()) {
            if (filter instanceof PullFilter.ByTags byTags) {
                return new TagFilter(tagMatch(byTags.tagType()), new HashSet<>(byTags.tags()));
            }
        }
        return TagFilter.NONE;
    }

    private static TagMatch tagMatch(int code) {
        try {
            return TagMatch.ofCode(code);
        } catch (IllegalArgumentException e) {
            throw new MalformedBodyException("pull request: unknown tag type " + code);
        }
    }
}

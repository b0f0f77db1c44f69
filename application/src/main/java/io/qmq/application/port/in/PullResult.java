package io.qmq.application.port.in;

import io.qmq.domain.message.Message;
import java.util.List;

/**
 * Messages handed to a consumer: message {@code i} has pull sequence {@code firstPullSequence + i}.
 */
public record PullResult(long firstPullSequence, List<Message> messages) {

    public static final PullResult EMPTY = new PullResult(-1, List.of());

    public PullResult {
        messages = List.copyOf(messages);
        if (!messages.isEmpty() && firstPullSequence < 0) {
            throw new IllegalArgumentException("messages need a first pull sequence, got " + firstPullSequence);
        }
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }
}

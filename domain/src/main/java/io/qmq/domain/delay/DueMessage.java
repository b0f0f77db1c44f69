package io.qmq.domain.delay;

import io.qmq.domain.message.Message;
import java.util.Objects;

/** A message with the time it falls due, before the delay server has stored it. */
public record DueMessage(long dueAt, Message message) {

    public DueMessage {
        Objects.requireNonNull(message, "message");
    }
}

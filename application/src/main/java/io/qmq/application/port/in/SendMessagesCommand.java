package io.qmq.application.port.in;

import io.qmq.domain.message.Message;
import java.util.List;
import java.util.Objects;

/** A batch of messages from one request, in the order they arrived; subjects may be mixed. */
public record SendMessagesCommand(List<Message> messages) {

    public SendMessagesCommand {
        Objects.requireNonNull(messages, "messages");
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a send carries at least one message");
        }
    }
}

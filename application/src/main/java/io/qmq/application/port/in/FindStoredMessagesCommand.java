package io.qmq.application.port.in;

import io.qmq.domain.message.Message;
import java.util.List;
import java.util.Objects;

/**
 * Candidate messages, of any subjects, and when their forward began (epoch ms on the asking delay
 * server's clock): nothing stored before then can be one of them.
 */
public record FindStoredMessagesCommand(List<Message> candidates, long since) {

    public FindStoredMessagesCommand {
        Objects.requireNonNull(candidates, "candidates");
        candidates = List.copyOf(candidates);
    }
}

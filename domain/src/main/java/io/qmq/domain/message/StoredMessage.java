package io.qmq.domain.message;

import java.util.Objects;

/**
 * A message at its place in its subject's consume log.
 *
 * @param sequence   position in the subject's consume log, dense from 0
 * @param appendedAt when the broker stored it, epoch milliseconds
 * @param message    the message
 */
public record StoredMessage(long sequence, long appendedAt, Message message) {

    public StoredMessage {
        Objects.requireNonNull(message, "message");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must be >= 0, got " + sequence);
        }
    }
}

package io.qmq.domain.message;

import java.util.Objects;

/** The producer-assigned identity of a message; re-sends of one message keep it. */
public record MessageId(String value) {

    /** The stock client never produces longer ids; a longer one is a malformed request. */
    public static final int MAX_LENGTH = 100;

    public MessageId {
        Objects.requireNonNull(value, "message id");
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new InvalidMessageException("message id must have 1 to " + MAX_LENGTH + " characters, got '" + value + "'");
        }
    }

    public static MessageId of(String value) {
        return new MessageId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}

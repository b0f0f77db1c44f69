package io.qmq.application.port.in;

import io.qmq.domain.consumer.Consumer;
import io.qmq.domain.consumer.TagFilter;
import java.time.Duration;
import java.util.Objects;

/**
 * One pull.
 *
 * @param consumer         who pulls which subscription
 * @param maxMessages      at most this many messages (1 to {@value #MAX_MESSAGES})
 * @param clientLastPulled the highest pull sequence the client holds from this broker, -1 for none
 * @param longPoll         how long to wait when nothing is there; zero or negative answers at once
 * @param broadcast        whether the consumer is a broadcast consumer (its group is its own id)
 * @param filter           which messages it wants
 */
public record PullCommand(Consumer consumer, int maxMessages, long clientLastPulled, Duration longPoll,
                          boolean broadcast, TagFilter filter) {

    public static final int MAX_MESSAGES = 10_000;

    public PullCommand {
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(longPoll, "long-poll time");
        Objects.requireNonNull(filter, "filter");
        if (maxMessages <= 0) {
            throw new IllegalArgumentException("a pull asks for at least one message, got " + maxMessages);
        }
        maxMessages = Math.min(maxMessages, MAX_MESSAGES);
        clientLastPulled = Math.max(clientLastPulled, -1);
    }
}

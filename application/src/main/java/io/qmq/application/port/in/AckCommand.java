package io.qmq.application.port.in;

import io.qmq.domain.consumer.Consumer;
import io.qmq.domain.consumer.SequenceRange;
import java.util.Objects;
import java.util.Optional;

/**
 * An acknowledgement of the pull sequences in {@code range}, or, with no range, a heartbeat that only
 * says the consumer is alive.
 */
public record AckCommand(Consumer consumer, Optional<SequenceRange> range, boolean broadcast) {

    public AckCommand {
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(range, "range");
    }

    public static AckCommand heartbeat(Consumer consumer) {
        return new AckCommand(consumer, Optional.empty(), false);
    }

    public boolean isHeartbeat() {
        return range.isEmpty();
    }
}

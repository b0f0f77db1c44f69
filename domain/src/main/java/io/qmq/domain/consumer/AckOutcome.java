package io.qmq.domain.consumer;

import java.util.Optional;

/**
 * What an acknowledgement did.
 *
 * @param progress the consumer's progress after it
 * @param applied  the newly acknowledged pull sequences; empty for a duplicate
 * @param skipped  pull sequences before the acknowledged range that were never acknowledged (lost
 *                 acks); their messages must be redelivered, not dropped
 */
public record AckOutcome(ConsumerProgress progress, Optional<SequenceRange> applied, Optional<SequenceRange> skipped) {

    public boolean isDuplicate() {
        return applied.isEmpty();
    }
}

package io.qmq.application.port.out;

import io.qmq.domain.consumer.Consumer;
import io.qmq.domain.consumer.ConsumerProgress;
import io.qmq.domain.consumer.SequenceRange;
import io.qmq.domain.consumer.Subscription;
import java.util.List;
import java.util.OptionalLong;

/**
 * The durable record of consumption, which replaces partitions: per subscription a cursor (the next
 * subject sequence to hand to any consumer of the group), and per consumer a pull log that maps its
 * private, dense pull sequences to the subject sequences it was given, with how far it acknowledged.
 *
 * <p>Callers serialise changes per subscription; implementations must still be safe for different
 * subscriptions changing at once. Every change is written before the method returns (at least to the
 * page cache) so that a restarted broker knows what it handed out.
 */
public interface PullLog extends AutoCloseable {

    /** The subscription's cursor; empty for a subscription never opened. */
    OptionalLong cursor(Subscription subscription);

    /** Opens the subscription at {@code startSequence} unless it exists; returns its cursor. */
    long openCursor(Subscription subscription, long startSequence);

    /** Moves the cursor past messages that were skipped (filtered out) rather than handed out. */
    void advanceCursor(Subscription subscription, long cursor);

    /** How far the consumer has got; {@link ConsumerProgress#NEW} for one never seen. */
    ConsumerProgress progress(Consumer consumer);

    /**
     * Records that the consumer was handed {@code subjectSequences[i]} under pull sequence
     * {@code firstPullSequence + i}, and moves the subscription's cursor to {@code cursorAfter}.
     */
    void recordPull(Consumer consumer, long firstPullSequence, long[] subjectSequences, long cursorAfter);

    /** Records that the consumer finished the pull sequences in the range; they are forgotten. */
    void recordAck(Consumer consumer, SequenceRange pullSequences);

    /**
     * The subject sequences behind the consumer's pull sequences in the range, in order; {@code -1}
     * for a pull sequence that is acknowledged or unknown.
     */
    long[] subjectSequences(Consumer consumer, SequenceRange pullSequences);

    /** Every consumer the log knows of. */
    List<Consumer> consumers();

    /** Every subscription the log knows of. */
    List<Subscription> subscriptions();

    @Override
    void close();
}

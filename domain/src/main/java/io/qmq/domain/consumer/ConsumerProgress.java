package io.qmq.domain.consumer;

import java.util.Optional;

/**
 * How far one consumer has got: the highest pull sequence handed to it and the highest one it
 * acknowledged. Pull sequences are private to the consumer, dense from 0, and acknowledged as
 * contiguous ranges; {@code -1} means none yet.
 *
 * <p>Invariant: {@code -1 <= acked <= pulled}.
 */
public record ConsumerProgress(long pulled, long acked) {

    public static final ConsumerProgress NEW = new ConsumerProgress(-1, -1);

    public ConsumerProgress {
        if (acked < -1 || pulled < acked) {
            throw new IllegalArgumentException("invalid progress: pulled " + pulled + ", acked " + acked);
        }
    }

    /**
     * The pull sequences handed out that the client has evidently lost: beyond both what it says it
     * holds and what it acknowledged. They are served again, under the same sequences, before
     * anything new.
     */
    public Optional<SequenceRange> lostDeliveries(long clientLastPulled) {
        return SequenceRange.between(Math.max(clientLastPulled, acked) + 1, pulled);
    }

    /**
     * The first pull sequence for new deliveries. Never reuses a sequence the client may still hold,
     * even when the broker's own record of it was lost in a crash.
     */
    public long nextPullSequence(long clientLastPulled) {
        return Math.max(pulled, clientLastPulled) + 1;
    }

    public ConsumerProgress afterPull(long lastPullSequence) {
        return new ConsumerProgress(Math.max(pulled, lastPullSequence), acked);
    }

    /** Pull sequences handed out but not acknowledged. */
    public Optional<SequenceRange> unacked() {
        return SequenceRange.between(acked + 1, pulled);
    }

    /**
     * Applies an acknowledgement with QMQ's rules: a range at or below what is acked is a duplicate; a
     * range overlapping it counts for its new part; a range starting beyond the next expected sequence
     * leaves a gap of deliveries the client never acknowledged, which the caller must not drop.
     */
    public AckOutcome acknowledge(SequenceRange range) {
        if (range.last() <= acked) {
            return new AckOutcome(this, Optional.empty(), Optional.empty());
        }
        // an ack beyond what this broker remembers handing out (its record was lost in a crash) still
        // counts: the client only acknowledges what it received
        Optional<SequenceRange> gap = SequenceRange.between(acked + 1, range.first() - 1);
        Optional<SequenceRange> applied = SequenceRange.between(Math.max(range.first(), acked + 1), range.last());
        ConsumerProgress next = new ConsumerProgress(Math.max(pulled, range.last()), range.last());
        return new AckOutcome(next, applied, gap);
    }
}

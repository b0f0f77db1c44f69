package io.qmq.adapters.netty.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.qmq.domain.consumer.SequenceRange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class AckTrackerTest {

    private final AckTracker tracker = new AckTracker();

    @Test
    void nothingReceivedMeansNothingToAckAndMinusOneOffsets() {
        assertThat(tracker.ackable()).isEmpty();
        assertThat(tracker.pullOffsetBegin()).isEqualTo(-1);
        assertThat(tracker.pullOffsetLast()).isEqualTo(-1);
    }

    @Test
    void outOfOrderCompletionAcksOnlyTheContiguousPrefix() {
        receive(0, 5);
        tracker.finished(1);
        tracker.finished(3);
        assertThat(tracker.ackable()).isEmpty();

        tracker.finished(0);
        assertThat(tracker.ackable()).contains(SequenceRange.of(0, 1));

        tracker.finished(2);
        assertThat(tracker.ackable()).contains(SequenceRange.of(0, 3));
        assertThat(tracker.reachesNewest(SequenceRange.of(0, 3))).isFalse();
    }

    @Test
    void acknowledgedRangeIsForgottenAndMovesTheBegin() {
        receive(0, 3);
        finish(0, 1, 2);
        tracker.acknowledged(SequenceRange.of(0, 2));

        assertThat(tracker.ackable()).isEmpty();
        assertThat(tracker.unacknowledged()).isZero();
        assertThat(tracker.pullOffsetBegin()).isEqualTo(3);
        assertThat(tracker.pullOffsetLast()).isEqualTo(2);
    }

    @Test
    void aGapOfOffsetsNeverReceivedEndsTheRange() {
        receive(0, 2);
        receive(5, 2);
        finish(0, 1, 5, 6);

        assertThat(tracker.ackable()).contains(SequenceRange.of(0, 1));
        tracker.acknowledged(SequenceRange.of(0, 1));
        assertThat(tracker.ackable()).contains(SequenceRange.of(5, 6));
    }

    @Test
    void duplicatesOfHeldOrAcknowledgedOffsetsAreRefused() {
        receive(0, 2);
        assertThat(tracker.received(1)).isFalse();
        finish(0, 1);
        tracker.acknowledged(SequenceRange.of(0, 1));
        assertThat(tracker.received(0)).isFalse();
        assertThat(tracker.received(2)).isTrue();
    }

    @Test
    void aFailedAckKeepsTheRangeSoItIsSentAgainPossiblyGrown() {
        receive(0, 4);
        finish(0, 1);
        Optional<SequenceRange> first = tracker.ackable();
        // the ack request failed: nothing is acknowledged; more finished meanwhile
        finish(2);
        assertThat(tracker.ackable()).contains(SequenceRange.of(0, 2));
        assertThat(first).contains(SequenceRange.of(0, 1));
    }

    /**
     * Random deliveries (with gaps), completions in random order and acks of whatever is ackable, checked
     * against a model: every acked range starts right after the previous one or after a gap, covers only
     * finished offsets, and in the end everything received is acknowledged.
     */
    @Test
    void randomCompletionOrderNeverAcksAnUnfinishedOffset() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            AckTracker t = new AckTracker();
            TreeSet<Long> finished = new TreeSet<>();
            List<Long> received = deliverBatchesWithGaps(t, random);
            List<Long> order = new ArrayList<>(received);
            Collections.shuffle(order, random);
            TreeSet<Long> acked = new TreeSet<>();
            for (long offset : order) {
                t.finished(offset);
                finished.add(offset);
                ackWhatIsAckable(t, finished, acked, random.nextInt(3) == 0);
            }
            while (t.ackable().isPresent()) {
                ackWhatIsAckable(t, finished, acked, false);
            }
            assertThat(acked).containsExactlyElementsOf(new TreeSet<>(received));
            assertThat(t.unacknowledged()).isZero();
        }
    }

    private static List<Long> deliverBatchesWithGaps(AckTracker t, Random random) {
        List<Long> received = new ArrayList<>();
        long next = 0;
        for (int batch = 0; batch < 1 + random.nextInt(5); batch++) {
            next += random.nextInt(3) == 0 ? random.nextInt(4) : 0; // sometimes a gap
            int size = 1 + random.nextInt(8);
            for (int i = 0; i < size; i++) {
                assertThat(t.received(next)).isTrue();
                received.add(next++);
            }
        }
        return received;
    }

    private static void ackWhatIsAckable(AckTracker t, TreeSet<Long> finished, TreeSet<Long> acked, boolean holdBack) {
        Optional<SequenceRange> range = t.ackable();
        if (range.isEmpty() || holdBack) {
            return; // sometimes the ack is not sent yet (in flight elsewhere)
        }
        SequenceRange r = range.get();
        for (long o = r.first(); o <= r.last(); o++) {
            assertThat(finished).as("acked offset %d is finished", o).contains(o);
            assertThat(acked).as("offset %d acked once", o).doesNotContain(o);
            acked.add(o);
        }
        if (!acked.headSet(r.first()).isEmpty()) {
            assertThat(acked.headSet(r.first()).last()).isLessThan(r.first());
        }
        t.acknowledged(r);
    }

    private void receive(long first, int count) {
        for (long o = first; o < first + count; o++) {
            assertThat(tracker.received(o)).isTrue();
        }
    }

    private void finish(long... offsets) {
        for (long o : offsets) {
            tracker.finished(o);
        }
    }
}

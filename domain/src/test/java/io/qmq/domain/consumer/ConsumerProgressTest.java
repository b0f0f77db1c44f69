package io.qmq.domain.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Worked examples of pull and ack bookkeeping; ConsumerProgressPropertiesTest checks the general rules. */
class ConsumerProgressTest {

    @Test
    void aNewConsumerHasNothingPulledOrAcked() {
        assertThat(ConsumerProgress.NEW).isEqualTo(new ConsumerProgress(-1, -1));
        assertThat(ConsumerProgress.NEW.unacked()).isEmpty();
        assertThat(ConsumerProgress.NEW.nextPullSequence(-1)).isZero();
        assertThat(ConsumerProgress.NEW.lostDeliveries(-1)).isEmpty();
    }

    @Test
    void refusesAckedBeyondPulledOrBelowNone() {
        assertThatThrownBy(() -> new ConsumerProgress(3, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConsumerProgress(3, -2)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new ConsumerProgress(4, 4).unacked()).isEmpty();
    }

    @Test
    void pullingNeverMovesBackwards() {
        ConsumerProgress progress = new ConsumerProgress(9, 2);

        assertThat(progress.afterPull(14)).isEqualTo(new ConsumerProgress(14, 2));
        assertThat(progress.afterPull(5)).isEqualTo(progress);
        assertThat(progress.unacked()).contains(SequenceRange.of(3, 9));
    }

    @Test
    void aContiguousAckAppliesWholly() {
        AckOutcome outcome = new ConsumerProgress(9, 2).acknowledge(SequenceRange.of(3, 6));

        assertThat(outcome.progress()).isEqualTo(new ConsumerProgress(9, 6));
        assertThat(outcome.applied()).contains(SequenceRange.of(3, 6));
        assertThat(outcome.skipped()).isEmpty();
        assertThat(outcome.isDuplicate()).isFalse();
    }

    @Test
    void aRepeatedAckIsADuplicate() {
        ConsumerProgress progress = new ConsumerProgress(9, 6);

        AckOutcome outcome = progress.acknowledge(SequenceRange.of(3, 6));

        assertThat(outcome.isDuplicate()).isTrue();
        assertThat(outcome.progress()).isSameAs(progress);
        assertThat(outcome.skipped()).isEmpty();
    }

    @Test
    void anOverlappingAckCountsForItsNewPart() {
        AckOutcome outcome = new ConsumerProgress(9, 6).acknowledge(SequenceRange.of(4, 8));

        assertThat(outcome.applied()).contains(SequenceRange.of(7, 8));
        assertThat(outcome.skipped()).isEmpty();
        assertThat(outcome.progress()).isEqualTo(new ConsumerProgress(9, 8));
    }

    @Test
    void anAckAfterAGapReportsTheSkippedDeliveries() {
        AckOutcome outcome = new ConsumerProgress(9, 2).acknowledge(SequenceRange.of(6, 8));

        assertThat(outcome.skipped()).contains(SequenceRange.of(3, 5));
        assertThat(outcome.applied()).contains(SequenceRange.of(6, 8));
        assertThat(outcome.progress()).isEqualTo(new ConsumerProgress(9, 8));
    }

    @Test
    void anAckBeyondWhatTheBrokerRemembersStillCounts() {
        AckOutcome outcome = ConsumerProgress.NEW.acknowledge(SequenceRange.of(0, 4));

        assertThat(outcome.progress()).isEqualTo(new ConsumerProgress(4, 4));
        assertThat(outcome.applied()).contains(SequenceRange.of(0, 4));
    }

    @Test
    void lostDeliveriesAreThoseBeyondWhatTheClientHoldsAndAcked() {
        ConsumerProgress progress = new ConsumerProgress(9, 2);

        assertThat(progress.lostDeliveries(9)).isEmpty();
        assertThat(progress.lostDeliveries(6)).contains(SequenceRange.of(7, 9));
        assertThat(progress.lostDeliveries(-1)).contains(SequenceRange.of(3, 9));
        assertThat(progress.lostDeliveries(12)).isEmpty();
    }

    @Test
    void nextPullSequenceSkipsWhatTheClientMayHold() {
        ConsumerProgress progress = new ConsumerProgress(9, 2);

        assertThat(progress.nextPullSequence(-1)).isEqualTo(10);
        assertThat(progress.nextPullSequence(9)).isEqualTo(10);
        assertThat(progress.nextPullSequence(20)).isEqualTo(21);
    }
}

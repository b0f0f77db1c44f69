package io.qmq.domain.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * QMQ's ack rules (wire protocol §5.5) from random progress and random ack ranges: duplicates change
 * nothing, overlaps count for their new part, gaps are reported as skipped, and every sequence up to
 * the acked one is accounted for exactly once.
 */
class ConsumerProgressPropertiesTest {

    @Property(tries = 1000)
    void anAckAtOrBelowTheAckedSequenceIsADuplicate(@ForAll("progress") ConsumerProgress progress,
                                                    @ForAll("ranges") SequenceRange range) {
        AckOutcome outcome = progress.acknowledge(range);

        assertThat(outcome.isDuplicate()).isEqualTo(range.last() <= progress.acked());
        if (outcome.isDuplicate()) {
            assertThat(outcome.progress()).isEqualTo(progress);
            assertThat(outcome.skipped()).isEmpty();
        } else {
            assertThat(outcome.progress().acked()).isEqualTo(range.last());
        }
    }

    @Property(tries = 1000)
    void onlyTheNewPartIsAppliedAndTheGapIsSkipped(@ForAll("progress") ConsumerProgress progress,
                                                   @ForAll("ranges") SequenceRange range) {
        AckOutcome outcome = progress.acknowledge(range);
        long nextExpected = progress.acked() + 1;

        if (!outcome.isDuplicate()) {
            assertThat(outcome.applied()).contains(SequenceRange.of(Math.max(range.first(), nextExpected), range.last()));
        }
        Optional<SequenceRange> gap = range.first() > nextExpected && range.last() > progress.acked()
                ? Optional.of(SequenceRange.of(nextExpected, range.first() - 1))
                : Optional.empty();
        assertThat(outcome.skipped()).isEqualTo(gap);
    }

    @Property(tries = 1000)
    void ackedNeverDecreasesAndPulledStaysAtOrAboveIt(@ForAll("progress") ConsumerProgress progress,
                                                      @ForAll("ranges") SequenceRange range) {
        ConsumerProgress after = progress.acknowledge(range).progress();

        assertThat(after.acked()).isGreaterThanOrEqualTo(progress.acked());
        assertThat(after.pulled()).isGreaterThanOrEqualTo(progress.pulled());
        assertThat(after.pulled()).isGreaterThanOrEqualTo(after.acked());
    }

    /** Previously acked, skipped and applied sequences partition [0, last]; nothing beyond last is touched. */
    @Property(tries = 500)
    void everySequenceUpToTheAckIsAccountedForOnce(@ForAll("progress") ConsumerProgress progress,
                                                   @ForAll("ranges") SequenceRange range) {
        AckOutcome outcome = progress.acknowledge(range);
        long end = Math.max(range.last(), progress.acked());

        for (long s = 0; s <= end + 2; s++) {
            int claims = (s <= progress.acked() ? 1 : 0) + (covers(outcome.skipped(), s) ? 1 : 0)
                    + (covers(outcome.applied(), s) ? 1 : 0);
            assertThat(claims).as("claims on sequence %d", s).isEqualTo(s <= end ? 1 : 0);
        }
    }

    /** Over a stream of acks, each sequence up to the final acked one is applied or skipped exactly once. */
    @Property(tries = 300)
    void aStreamOfAcksAccountsForEverySequenceOnce(@ForAll("rangeLists") List<SequenceRange> ranges) {
        ConsumerProgress progress = ConsumerProgress.NEW;
        long accounted = 0;
        for (SequenceRange range : ranges) {
            AckOutcome outcome = progress.acknowledge(range);
            accounted += outcome.applied().map(SequenceRange::count).orElse(0L)
                    + outcome.skipped().map(SequenceRange::count).orElse(0L);
            assertThat(outcome.progress().acked()).isGreaterThanOrEqualTo(progress.acked());
            progress = outcome.progress();
        }
        assertThat(accounted).isEqualTo(progress.acked() + 1);
    }

    @Property(tries = 1000)
    void lostDeliveriesAreExactlyThoseBeyondClientAndAck(@ForAll("progress") ConsumerProgress progress,
                                                         @ForAll("clientLast") long clientLast) {
        Optional<SequenceRange> lost = progress.lostDeliveries(clientLast);
        long floor = Math.max(clientLast, progress.acked());

        for (long s = -1; s <= progress.pulled() + 2; s++) {
            assertThat(covers(lost, s)).as("sequence %d lost", s).isEqualTo(s > floor && s <= progress.pulled());
        }
    }

    @Property(tries = 1000)
    void newPullsNeverReuseASequenceTheClientOrBrokerHasSeen(@ForAll("progress") ConsumerProgress progress,
                                                             @ForAll("clientLast") long clientLast) {
        long next = progress.nextPullSequence(clientLast);

        assertThat(next).isEqualTo(Math.max(progress.pulled(), clientLast) + 1);
        progress.lostDeliveries(clientLast).ifPresent(lost -> assertThat(lost.last()).isLessThan(next));
        assertThat(progress.afterPull(next).pulled()).isEqualTo(next);
        assertThat(progress.afterPull(next).nextPullSequence(clientLast)).isGreaterThan(next);
    }

    @Property(tries = 500)
    void pullingKeepsTheHighestSequence(@ForAll("progress") ConsumerProgress progress, @ForAll("clientLast") long last) {
        ConsumerProgress after = progress.afterPull(last);

        assertThat(after.pulled()).isEqualTo(Math.max(progress.pulled(), last));
        assertThat(after.acked()).isEqualTo(progress.acked());
    }

    private static boolean covers(Optional<SequenceRange> range, long sequence) {
        return range.map(r -> r.contains(sequence)).orElse(false);
    }

    @Provide
    Arbitrary<ConsumerProgress> progress() {
        Arbitrary<Long> acked = Arbitraries.longs().between(-1, 120);
        Arbitrary<Long> unacked = Arbitraries.longs().between(0, 60);
        return Combinators.combine(acked, unacked).as((a, u) -> new ConsumerProgress(a + u, a));
    }

    @Provide
    Arbitrary<SequenceRange> ranges() {
        Arbitrary<Long> first = Arbitraries.longs().between(0, 200);
        Arbitrary<Long> length = Arbitraries.longs().between(1, 50);
        return Combinators.combine(first, length).as((f, n) -> SequenceRange.of(f, f + n - 1));
    }

    @Provide
    Arbitrary<List<SequenceRange>> rangeLists() {
        return ranges().list().ofMaxSize(20);
    }

    @Provide
    Arbitrary<Long> clientLast() {
        return Arbitraries.longs().between(-1, 250);
    }
}

package io.qmq.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import io.qmq.domain.consumer.Consumer;
import io.qmq.domain.consumer.ConsumerGroup;
import io.qmq.domain.consumer.ConsumerId;
import io.qmq.domain.consumer.ConsumerProgress;
import io.qmq.domain.consumer.SequenceRange;
import io.qmq.domain.consumer.Subscription;
import io.qmq.domain.message.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PullLog} must do. An implementation's test extends this class and says how to open
 * its storage; every test uses fresh subject names instead of cleaning up.
 *
 * <p>Cursors only move forward, and a consumer's acknowledged sequence is a watermark: acknowledging a
 * range forgets the range, and {@link ConsumerProgress} follows {@link ConsumerProgress#acknowledge}.
 */
public abstract class PullLogContract {

    protected PullLog pullLog;

    /**
     * Opens the storage under test. Called once before each test and again after {@link #reopen()}
     * closed the previous log: the second time it must open the same storage, with every change made
     * before the close.
     */
    protected abstract PullLog open();

    @BeforeEach
    void openLog() {
        pullLog = open();
    }

    @AfterEach
    void closeLog() {
        pullLog.close();
    }

    /** Closes the log and opens its storage again. */
    protected final void reopen() {
        pullLog.close();
        pullLog = open();
    }

    protected static Subscription freshSubscription() {
        return new Subscription(Subject.of("subject-" + UUID.randomUUID()), ConsumerGroup.of("group-" + UUID.randomUUID()));
    }

    protected static Consumer consumerOf(Subscription subscription) {
        return new Consumer(subscription, ConsumerId.of("host@@" + UUID.randomUUID()));
    }

    private static long[] seq(long... sequences) {
        return sequences;
    }

    private long[] lookup(Consumer consumer, long first, long last) {
        return pullLog.subjectSequences(consumer, SequenceRange.of(first, last));
    }

    @Test
    void anUnknownSubscriptionAndConsumerHaveNothing() {
        Subscription subscription = freshSubscription();
        Consumer consumer = consumerOf(subscription);

        assertThat(pullLog.cursor(subscription)).isEmpty();
        assertThat(pullLog.progress(consumer)).isEqualTo(ConsumerProgress.NEW);
        assertThat(lookup(consumer, 0, 2)).containsExactly(-1, -1, -1);
        assertThat(pullLog.consumers()).doesNotContain(consumer);
        assertThat(pullLog.subscriptions()).doesNotContain(subscription);
    }

    @Test
    void openingACursorKeepsTheFirstStart() {
        Subscription subscription = freshSubscription();

        assertThat(pullLog.openCursor(subscription, 7)).isEqualTo(7);
        assertThat(pullLog.openCursor(subscription, 100)).isEqualTo(7);
        assertThat(pullLog.cursor(subscription)).hasValue(7);
        assertThat(pullLog.subscriptions()).contains(subscription);
    }

    @Test
    void aCursorAdvancesButNeverMovesBack() {
        Subscription subscription = freshSubscription();
        pullLog.openCursor(subscription, 0);

        pullLog.advanceCursor(subscription, 12);
        pullLog.advanceCursor(subscription, 5);

        assertThat(pullLog.cursor(subscription)).hasValue(12);
    }

    @Test
    void aPullMapsPullSequencesAndMovesTheCursor() {
        Subscription subscription = freshSubscription();
        Consumer consumer = consumerOf(subscription);
        pullLog.openCursor(subscription, 10);

        pullLog.recordPull(consumer, 0, seq(10, 11, 13), 14);

        assertThat(pullLog.cursor(subscription)).hasValue(14);
        assertThat(pullLog.progress(consumer)).isEqualTo(new ConsumerProgress(2, -1));
        assertThat(lookup(consumer, 0, 2)).containsExactly(10, 11, 13);
        assertThat(lookup(consumer, 1, 4)).containsExactly(11, 13, -1, -1);
        assertThat(pullLog.consumers()).contains(consumer);
    }

    @Test
    void pullsAppendToTheConsumersLog() {
        Subscription subscription = freshSubscription();
        Consumer consumer = consumerOf(subscription);
        pullLog.openCursor(subscription, 0);

        pullLog.recordPull(consumer, 0, seq(0, 1), 2);
        pullLog.recordPull(consumer, 2, seq(5), 6);
        pullLog.recordPull(consumer, 3, seq(6, 7, 8), 9);

        assertThat(pullLog.progress(consumer)).isEqualTo(new ConsumerProgress(5, -1));
        assertThat(lookup(consumer, 0, 5)).containsExactly(0, 1, 5, 6, 7, 8);
    }

    @Test
    void consumersOfOneGroupShareTheCursorButNotPullSequences() {
        Subscription subscription = freshSubscription();
        Consumer first = consumerOf(subscription);
        Consumer second = consumerOf(subscription);
        pullLog.openCursor(subscription, 0);

        pullLog.recordPull(first, 0, seq(0, 1), 2);
        pullLog.recordPull(second, 0, seq(2, 3, 4), 5);

        assertThat(pullLog.cursor(subscription)).hasValue(5);
        assertThat(lookup(first, 0, 1)).containsExactly(0, 1);
        assertThat(lookup(second, 0, 2)).containsExactly(2, 3, 4);
        assertThat(pullLog.progress(first)).isEqualTo(new ConsumerProgress(1, -1));
        assertThat(pullLog.progress(second)).isEqualTo(new ConsumerProgress(2, -1));
    }

    @Test
    void anAckForgetsItsRangeAndMovesProgress() {
        Subscription subscription = freshSubscription();
        Consumer consumer = consumerOf(subscription);
        pullLog.recordPull(consumer, 0, seq(20, 21, 22, 23), 24);

        pullLog.recordAck(consumer, SequenceRange.of(0, 1));

        assertThat(pullLog.progress(consumer)).isEqualTo(new ConsumerProgress(3, 1));
        assertThat(lookup(consumer, 0, 3)).containsExactly(-1, -1, 22, 23);
    }

    @Test
    void aDuplicateAckChangesNothing() {
        Subscription subscription = freshSubscription();
        Consumer consumer = consumerOf(subscription);
        pullLog.recordPull(consumer, 0, seq(0, 1, 2), 3);
        pullLog.recordAck(consumer, SequenceRange.of(0, 1));

        pullLog.recordAck(consumer, SequenceRange.of(0, 0));

        assertThat(pullLog.progress(consumer)).isEqualTo(new ConsumerProgress(2, 1));
        assertThat(lookup(consumer, 2, 2)).containsExactly(2);
    }

    @Test
    void anAckOfEverythingLeavesProgressButNoMappings() {
        Subscription subscription = freshSubscription();
        Consumer consumer = consumerOf(subscription);
        pullLog.recordPull(consumer, 0, seq(4, 5), 6);

        pullLog.recordAck(consumer, SequenceRange.of(0, 1));

        assertThat(pullLog.progress(consumer)).isEqualTo(new ConsumerProgress(1, 1));
        assertThat(lookup(consumer, 0, 1)).containsExactly(-1, -1);
        assertThat(pullLog.consumers()).contains(consumer);
    }

    @Test
    void aPullAfterAGapLeavesTheGapUnknown() {
        Subscription subscription = freshSubscription();
        Consumer consumer = consumerOf(subscription);

        pullLog.recordPull(consumer, 5, seq(40, 41), 42);

        assertThat(pullLog.progress(consumer)).isEqualTo(new ConsumerProgress(6, -1));
        assertThat(lookup(consumer, 3, 6)).containsExactly(-1, -1, 40, 41);
    }

    @Test
    void anAckBeyondWhatWasPulledStillCounts() {
        Subscription subscription = freshSubscription();
        Consumer consumer = consumerOf(subscription);
        pullLog.recordPull(consumer, 0, seq(1), 2);

        pullLog.recordAck(consumer, SequenceRange.of(0, 3));

        assertThat(pullLog.progress(consumer)).isEqualTo(new ConsumerProgress(3, 3));
    }

    @Test
    void aLongPullIsMappedExactly() {
        Subscription subscription = freshSubscription();
        Consumer consumer = consumerOf(subscription);
        long[] sequences = LongStream.range(0, 5000).map(i -> i * 2 + (i % 7 == 0 ? 1 : 0)).toArray();

        pullLog.recordPull(consumer, 100, sequences, 10_001);
        pullLog.recordAck(consumer, SequenceRange.of(100, 2099));

        long[] expected = sequences.clone();
        java.util.Arrays.fill(expected, 0, 2000, -1);
        assertThat(lookup(consumer, 100, 5099)).containsExactly(expected);
    }

    @Test
    void reopeningKeepsCursorsProgressAndMappings() {
        Subscription subscription = freshSubscription();
        Subscription skipped = freshSubscription();
        Consumer consumer = consumerOf(subscription);
        pullLog.openCursor(subscription, 3);
        pullLog.recordPull(consumer, 0, seq(3, 4, 6, 7), 8);
        pullLog.recordAck(consumer, SequenceRange.of(0, 1));
        pullLog.openCursor(skipped, 0);
        pullLog.advanceCursor(skipped, 9);

        reopen();

        assertThat(pullLog.cursor(subscription)).hasValue(8);
        assertThat(pullLog.cursor(skipped)).hasValue(9);
        assertThat(pullLog.progress(consumer)).isEqualTo(new ConsumerProgress(3, 1));
        assertThat(lookup(consumer, 0, 4)).containsExactly(-1, -1, 6, 7, -1);
        assertThat(pullLog.consumers()).contains(consumer);
        assertThat(pullLog.subscriptions()).contains(subscription, skipped);
        pullLog.recordPull(consumer, 4, seq(8), 9);
        assertThat(lookup(consumer, 2, 4)).containsExactly(6, 7, 8);
    }

    @Test
    void differentSubscriptionsChangeConcurrently() throws InterruptedException {
        int threads = 4;
        int pulls = 300;
        List<Consumer> consumers = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Consumer consumer = consumerOf(freshSubscription());
            consumers.add(consumer);
            Thread worker = new Thread(() -> pullAndAck(consumer, pulls), "consumer-" + t);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(worker.isAlive()).as("consumer still running").isFalse();
        }

        for (Consumer consumer : consumers) {
            assertThat(pullLog.cursor(consumer.subscription())).hasValue(2L * pulls);
            assertThat(pullLog.progress(consumer)).isEqualTo(new ConsumerProgress(2L * pulls - 1, pulls - 1));
            assertThat(lookup(consumer, pulls - 1, pulls + 1)).containsExactly(-1, pulls, pulls + 1);
        }
    }

    /** Pulls two messages at a time and acknowledges the first half of everything pulled. */
    private void pullAndAck(Consumer consumer, int pulls) {
        pullLog.openCursor(consumer.subscription(), 0);
        for (int i = 0; i < pulls; i++) {
            pullLog.recordPull(consumer, 2L * i, seq(2L * i, 2L * i + 1), 2L * i + 2);
            if (i % 2 == 1) {
                pullLog.recordAck(consumer, SequenceRange.of(i - 1, i));
            }
        }
    }
}

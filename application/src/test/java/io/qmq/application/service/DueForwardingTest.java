package io.qmq.application.service;

import static io.qmq.application.service.DelayServer.delayed;
import static org.assertj.core.api.Assertions.assertThat;

import io.qmq.application.fixtures.InMemoryScheduleStore;
import io.qmq.application.port.out.DelayMetrics;
import io.qmq.application.port.out.MessageLogException;
import io.qmq.application.port.out.ScheduleStore;
import io.qmq.domain.delay.DueMessage;
import io.qmq.domain.delay.InDoubtDispatch;
import io.qmq.domain.delay.ScheduleEntry;
import io.qmq.domain.delay.ScheduledMessage;
import io.qmq.domain.message.Message;
import io.qmq.domain.message.Subject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class DueForwardingTest {

    private final String subject = "subject-" + UUID.randomUUID();
    private final ManualClock clock = new ManualClock();
    private final RecordingForwarder broker = new RecordingForwarder();
    private final CountingMetrics metrics = new CountingMetrics();
    private InMemoryScheduleStore store = new InMemoryScheduleStore();

    @Test
    void aDueEntryIsRecordedAsDispatchingForwardedAndRecordedAsForwarded() {
        ScheduleEntry entry = schedule(delayed(subject, "m1", clock.millis())).get(0);

        assertThat(forwarding().forward(List.of(entry)).join()).isEmpty();

        assertThat(broker.ids()).containsExactly("m1");
        assertThat(broker.checks).as("nothing was in doubt").isEmpty();
        assertThat(store.pendingCount()).isZero();
        assertThat(metrics.forwarded).containsEntry(Subject.of(subject), 1);
    }

    @Test
    void aDispatchLeftInDoubtThatTheBrokerStoresIsOnlyRecordedAsForwarded() {
        Message message = delayed(subject, "m1", clock.millis());
        ScheduleEntry entry = schedule(message).get(0);
        long dispatchedAt = clock.millis() + 5;
        store.markDispatching(List.of(entry), dispatchedAt);
        broker.brokerStores.add(message); // the broker stored it, then the delay server died before recording that
        restart();
        DueForwarding forwarding = forwarding();

        assertThat(forwarding.forward(List.of(entry)).join()).isEmpty();

        assertThat(forwarding.inDoubtCount()).as("in doubt once found stored").isZero();
        assertThat(broker.forwarded).as("forwarded again").isEmpty();
        assertThat(broker.checks).singleElement().satisfies(check -> {
            assertThat(check.since()).isEqualTo(dispatchedAt);
            assertThat(check.candidates()).containsExactly(message);
        });
        assertThat(store.pendingCount()).isZero();
        assertThat(metrics.found).containsEntry(Subject.of(subject), 1);
        assertThat(store.reopen().dispatchesInDoubt()).isEmpty();
    }

    @Test
    void aDispatchInDoubtThatNoBrokerStoresIsForwardedOnceWithTheOthers() {
        List<ScheduleEntry> entries = schedule(delayed(subject, "doubtful", clock.millis()),
                delayed(subject, "fresh", clock.millis()));
        store.markDispatching(List.of(entries.get(0)), clock.millis());
        restart();

        assertThat(forwarding().forward(entries).join()).isEmpty();

        assertThat(broker.checks).singleElement().satisfies(check ->
                assertThat(check.candidates()).extracting(m -> m.id().value()).containsExactly("doubtful"));
        assertThat(broker.ids()).containsExactlyInAnyOrder("doubtful", "fresh");
        assertThat(store.pendingCount()).isZero();
    }

    @Test
    void aDispatchInDoubtStaysInDoubtWhileNoBrokerCanBeAskedAndIsNeverGuessed() {
        Message message = delayed(subject, "m1", clock.millis());
        ScheduleEntry entry = schedule(message).get(0);
        store.markDispatching(List.of(entry), clock.millis());
        restart();
        DueForwarding forwarding = forwarding();
        broker.unreachable.set(true);

        assertThat(forwarding.forward(List.of(entry)).join()).as("to retry").containsExactly(entry);
        assertThat(forwarding.forward(List.of(entry)).join()).as("to retry").containsExactly(entry);

        assertThat(broker.forwarded).isEmpty();
        assertThat(store.pendingCount()).isOne();
        broker.unreachable.set(false);
        broker.brokerStores.add(message);
        assertThat(forwarding.forward(List.of(entry)).join()).isEmpty();
        assertThat(broker.forwarded).isEmpty();
        assertThat(store.pendingCount()).isZero();
    }

    @Test
    void aForwardThatGotNoAnswerIsInDoubtAndCheckedBeforeItIsForwardedAgain() {
        ScheduleEntry entry = schedule(delayed(subject, "m1", clock.millis())).get(0);
        DueForwarding forwarding = forwarding();
        long firstAttempt = clock.millis();
        broker.failuresToCome.set(1);

        assertThat(forwarding.forward(List.of(entry)).join()).containsExactly(entry);
        clock.advance(Duration.ofSeconds(1));
        assertThat(forwarding.forward(List.of(entry)).join()).isEmpty();

        assertThat(broker.checks).singleElement().satisfies(check -> assertThat(check.since()).isEqualTo(firstAttempt));
        assertThat(broker.ids()).containsExactly("m1");
        assertThat(metrics.failures).isOne();
        assertThat(forwarding.inDoubtCount()).as("in doubt once forwarded").isZero();
    }

    @Test
    void aCancelledEntryWhoseForwardFailedIsForgotten() {
        ScheduleEntry entry = schedule(delayed(subject, "m1", clock.millis())).get(0);
        DueForwarding forwarding = forwarding();
        broker.failuresToCome.set(1);
        assertThat(forwarding.forward(List.of(entry)).join()).containsExactly(entry);
        assertThat(forwarding.inDoubtCount()).isOne();

        assertThat(store.cancel(entry)).isTrue();
        forwarding.forget(entry);

        assertThat(forwarding.inDoubtCount()).isZero();
    }

    @Test
    void aCancelledEntryIsNeitherCheckedNorForwarded() {
        ScheduleEntry entry = schedule(delayed(subject, "m1", clock.millis())).get(0);
        store.markDispatching(List.of(entry), clock.millis());
        restart();
        DueForwarding forwarding = forwarding();
        assertThat(forwarding.inDoubtCount()).as("in doubt at open").isOne();
        store.cancel(entry);

        assertThat(forwarding.forward(List.of(entry)).join()).isEmpty();

        assertThat(broker.checks).isEmpty();
        assertThat(broker.forwarded).isEmpty();
        assertThat(forwarding.inDoubtCount()).as("in doubt once found cancelled").isZero();
    }

    @Test
    void theStoreSeesEveryDispatchBeforeTheBrokerDoes() {
        ScheduleEntry entry = schedule(delayed(subject, "m1", clock.millis())).get(0);
        InMemoryScheduleStore before = store;
        broker.failuresToCome.set(1); // the forward never completes as far as the store knows

        forwarding().forward(List.of(entry)).join();

        before.close();
        assertThat(before.reopen().dispatchesInDoubt()).containsExactly(new InDoubtDispatch(entry, clock.millis()));
    }

    @Test
    void aForwardAcknowledgedButNotRecordedCountsOnlyTheUnacknowledgedAsFailedAndStaysInDoubt() {
        List<ScheduleEntry> entries = schedule(delayed(subject, "acked", clock.millis()),
                delayed(subject, "refused", clock.millis()));
        broker.refusedIds.add("refused");
        AtomicBoolean diskFull = new AtomicBoolean(true);
        DueForwarding forwarding = new DueForwarding(new UnsettlingStore(store, diskFull), broker, metrics, clock,
                Runnable::run);

        assertThat(forwarding.forward(entries).join()).as("to retry").containsExactlyElementsOf(entries);

        assertThat(metrics.failures).as("the refused one only").isOne();
        assertThat(metrics.forwarded).as("not recorded, so not counted yet").isEmpty();
        assertThat(forwarding.inDoubtCount()).isEqualTo(2);
        broker.refusedIds.clear();
        diskFull.set(false);
        assertThat(forwarding.forward(entries).join()).isEmpty();
        assertThat(broker.ids()).as("the acknowledged one is found stored, not sent again")
                .containsExactlyInAnyOrder("acked", "refused");
        assertThat(metrics.found).containsEntry(Subject.of(subject), 1);
        assertThat(store.pendingCount()).isZero();
    }

    private DueForwarding forwarding() {
        return new DueForwarding(store, broker, metrics, clock, Runnable::run);
    }

    private List<ScheduleEntry> schedule(Message... messages) {
        List<DueMessage> due = java.util.Arrays.stream(messages).map(m -> new DueMessage(m.scheduledAt(), m)).toList();
        return store.add(due).orTimeout(1, TimeUnit.SECONDS).join();
    }

    /** The delay server starts again over the same store; what it recorded is all it knows. */
    private void restart() {
        store.close();
        store = store.reopen();
    }

    /** A store whose records of forwards fail while its disk is full. */
    private record UnsettlingStore(InMemoryScheduleStore store, AtomicBoolean diskFull) implements ScheduleStore {

        @Override
        public void markForwarded(List<ScheduleEntry> entries) {
            if (diskFull.get()) {
                throw new MessageLogException("disk full (test)");
            }
            store.markForwarded(entries);
        }

        @Override
        public CompletableFuture<List<ScheduleEntry>> add(List<DueMessage> messages) {
            return store.add(messages);
        }

        @Override
        public List<ScheduleEntry> pendingBetween(long fromInclusive, long toExclusive) {
            return store.pendingBetween(fromInclusive, toExclusive);
        }

        @Override
        public Optional<ScheduledMessage> read(ScheduleEntry entry) {
            return store.read(entry);
        }

        @Override
        public void markDispatching(List<ScheduleEntry> entries, long atMillis) {
            store.markDispatching(entries, atMillis);
        }

        @Override
        public List<InDoubtDispatch> dispatchesInDoubt() {
            return store.dispatchesInDoubt();
        }

        @Override
        public long pendingCount() {
            return store.pendingCount();
        }

        @Override
        public boolean cancel(ScheduleEntry entry) {
            return store.cancel(entry);
        }

        @Override
        public void close() {
            store.close();
        }
    }

    private static final class CountingMetrics implements DelayMetrics {
        final Map<Subject, Integer> forwarded = new ConcurrentHashMap<>();
        final Map<Subject, Integer> found = new ConcurrentHashMap<>();
        volatile int failures;

        @Override
        public void messagesScheduled(Subject subject, int count) {
        }

        @Override
        public void messageForwarded(Subject subject, Duration lateness) {
            forwarded.merge(subject, 1, Integer::sum);
        }

        @Override
        public void foundAlreadyStored(Subject subject, int count) {
            found.merge(subject, count, Integer::sum);
        }

        @Override
        public void forwardFailed(int count) {
            failures += count;
        }
    }
}

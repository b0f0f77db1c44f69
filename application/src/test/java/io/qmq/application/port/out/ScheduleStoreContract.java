package io.qmq.application.port.out;

import static io.qmq.application.port.out.ScheduleSamples.DAY;
import static io.qmq.application.port.out.ScheduleSamples.due;
import static io.qmq.application.port.out.ScheduleSamples.freshDay;
import static io.qmq.application.port.out.ScheduleSamples.freshPastDay;
import static io.qmq.application.port.out.ScheduleSamples.freshSubject;
import static io.qmq.application.port.out.ScheduleSamples.idsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qmq.domain.delay.DueMessage;
import io.qmq.domain.delay.InDoubtDispatch;
import io.qmq.domain.delay.ScheduleEntry;
import io.qmq.domain.delay.ScheduledMessage;
import io.qmq.domain.message.Subject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ScheduleStore} must do. An implementation's test extends this class and says how
 * to open its storage. Each test works in its own day of time (see {@link ScheduleSamples}), so the
 * storage may be shared between tests. Concurrency and the catalog are in
 * {@link ScheduleCatalogContract}.
 */
public abstract class ScheduleStoreContract {

    private static final long MONTH = Duration.ofDays(30).toMillis();

    protected ScheduleStore store;

    /**
     * Opens the storage under test. Called before each test and again after {@link #reopen()} closed
     * the previous store: the second time it must open the same storage.
     */
    protected abstract ScheduleStore open();

    @BeforeEach
    void openStore() {
        store = open();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    protected final void reopen() {
        store.close();
        store = open();
    }

    protected final List<ScheduleEntry> add(DueMessage... messages) {
        return store.add(List.of(messages)).orTimeout(10, TimeUnit.SECONDS).join();
    }

    private ScheduleEntry onlyEntryAt(long dueAt) {
        List<ScheduleEntry> entries = store.pendingBetween(dueAt, dueAt + 1);
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }

    @Test
    void addingNothingStoresNothing() {
        assertThat(store.add(List.of()).orTimeout(10, TimeUnit.SECONDS).join()).isEmpty();
    }

    @Test
    void scheduleIdsIncreaseInAcceptanceOrder() {
        long day = freshDay();
        Subject subject = freshSubject();

        List<ScheduleEntry> first = add(due(subject, day + 500), due(subject, day + 100));
        List<ScheduleEntry> second = add(due(subject, day + 50));

        assertThat(first.get(0).scheduleId()).isNotNegative().isLessThan(first.get(1).scheduleId());
        assertThat(second.get(0).scheduleId()).isGreaterThan(first.get(1).scheduleId());
    }

    @Test
    void addAnswersTheEntriesThatPendingBetweenFinds() {
        long day = freshDay();
        Subject subject = freshSubject();

        List<ScheduleEntry> stored = add(due(subject, day + 20), due(subject, day + 10));

        assertThat(stored).extracting(ScheduleEntry::dueAt).containsExactly(day + 20, day + 10);
        assertThat(store.pendingBetween(day, day + DAY)).containsExactly(stored.get(1), stored.get(0));
    }

    @Test
    void pendingBetweenIncludesItsStartAndExcludesItsEnd() {
        long day = freshDay();
        Subject subject = freshSubject();
        List<ScheduleEntry> stored = add(due(subject, day - 1), due(subject, day), due(subject, day + 5),
                due(subject, day + 9), due(subject, day + 10));

        List<ScheduleEntry> window = store.pendingBetween(day, day + 10);

        assertThat(idsOf(window)).containsExactly(stored.get(1).scheduleId(), stored.get(2).scheduleId(),
                stored.get(3).scheduleId());
        assertThat(window).extracting(ScheduleEntry::dueAt).containsExactly(day, day + 5, day + 9);
        assertThat(store.pendingBetween(day + 10, day + 10)).isEmpty();
        assertThat(store.pendingBetween(day + 11, day + 10)).isEmpty();
    }

    @Test
    void pendingBetweenOrdersByDueTimeThenScheduleId() {
        long day = freshDay();
        Subject subject = freshSubject();
        add(due(subject, day + 300), due(subject, day + 100));
        add(due(subject, day + 100), due(subject, day + 200), due(subject, day + 300));

        List<ScheduleEntry> window = store.pendingBetween(day, day + DAY);

        assertThat(window).hasSize(5).isSortedAccordingTo(
                Comparator.comparingLong(ScheduleEntry::dueAt).thenComparingLong(ScheduleEntry::scheduleId));
    }

    @Test
    void pendingBetweenSpansManyMonthsAndKeepsFarMessagesOutOfNearWindows() {
        long day = freshDay();
        Subject subject = freshSubject();
        List<ScheduleEntry> stored = add(due(subject, day + 2_000), due(subject, day + 18 * MONTH),
                due(subject, day + 7 * MONTH));

        assertThat(idsOf(store.pendingBetween(day, day + DAY))).containsExactly(stored.get(0).scheduleId());
        assertThat(idsOf(store.pendingBetween(day + 18 * MONTH, day + 18 * MONTH + 1)))
                .containsExactly(stored.get(1).scheduleId());
        assertThat(idsOf(store.pendingBetween(day, day + 19 * MONTH))).containsExactly(stored.get(0).scheduleId(),
                stored.get(2).scheduleId(), stored.get(1).scheduleId());
    }

    @Test
    void overdueMessagesAreStillPending() {
        long past = freshPastDay();
        Subject subject = freshSubject();
        List<ScheduleEntry> stored = add(due(subject, past + 7), due(subject, past));

        List<ScheduleEntry> overdue = store.pendingBetween(0, System.currentTimeMillis());

        assertThat(idsOf(overdue)).containsSubsequence(stored.get(1).scheduleId(), stored.get(0).scheduleId());
        assertThat(overdue).isSortedAccordingTo(Comparator.comparingLong(ScheduleEntry::dueAt));
    }

    @Test
    void readReturnsTheMessageAsAdded() {
        long day = freshDay();
        Subject subject = freshSubject();
        DueMessage small = due(subject, day + 1);
        DueMessage large = new DueMessage(day + 2, ScheduleSamples.message(subject, ScheduleSamples.freshId(),
                day + 2, 200_000));
        List<ScheduleEntry> stored = add(small, large);

        List<ScheduleEntry> window = store.pendingBetween(day, day + 3);

        assertThat(window).hasSize(2);
        assertThat(store.read(window.get(0))).contains(scheduled(stored.get(0), small));
        assertThat(store.read(window.get(1))).contains(scheduled(stored.get(1), large));
        assertThat(store.read(stored.get(1))).contains(scheduled(stored.get(1), large));
    }

    private static ScheduledMessage scheduled(ScheduleEntry entry, DueMessage due) {
        return new ScheduledMessage(entry.scheduleId(), due.dueAt(), due.message());
    }

    @Test
    void aForwardedMessageIsNeitherPendingNorReadable() {
        long day = freshDay();
        Subject subject = freshSubject();
        List<ScheduleEntry> stored = add(due(subject, day + 1), due(subject, day + 1));
        ScheduleEntry forwarded = store.pendingBetween(day, day + 2).get(0);

        store.markForwarded(List.of(forwarded));

        assertThat(store.read(forwarded)).isEmpty();
        assertThat(idsOf(store.pendingBetween(day, day + 2))).containsExactly(stored.get(1).scheduleId());
        assertThat(store.cancel(forwarded)).as("cancel after forwarding").isFalse();
    }

    @Test
    void aBatchMarkedForwardedSettlesEachPendingOneAcrossDueTimesAndSkipsTheOthers() {
        long day = freshDay();
        Subject subject = freshSubject();
        long before = store.pendingCount();
        List<ScheduleEntry> stored = add(due(subject, day + 1), due(subject, day + 2), due(subject, day + 9 * MONTH),
                due(subject, day + 3));
        assertThat(store.cancel(stored.get(1))).isTrue();

        store.markForwarded(stored.subList(0, 3));
        store.markForwarded(List.of());

        assertThat(store.read(stored.get(0))).isEmpty();
        assertThat(store.read(stored.get(2))).isEmpty();
        assertThat(store.pendingCount()).isEqualTo(before + 1);
        reopen();
        assertThat(idsOf(store.pendingBetween(day, day + 10 * MONTH))).containsExactly(stored.get(3).scheduleId());
        assertThat(store.pendingCount()).isEqualTo(before + 1);
    }

    @Test
    void aCancelledMessageIsNeitherPendingNorReadableAndCancelsOnce() {
        long day = freshDay();
        Subject subject = freshSubject();
        add(due(subject, day + 3));
        ScheduleEntry entry = onlyEntryAt(day + 3);

        assertThat(store.cancel(entry)).isTrue();

        assertThat(store.read(entry)).isEmpty();
        assertThat(store.pendingBetween(day, day + DAY)).isEmpty();
        assertThat(store.cancel(entry)).as("second cancel").isFalse();
    }

    @Test
    void everythingSurvivesReopeningAndIdsKeepIncreasing() {
        long day = freshDay();
        Subject subject = freshSubject();
        DueMessage kept = due(subject, day + 3);
        DueMessage far = due(subject, day + 9 * MONTH);
        List<ScheduleEntry> stored = add(due(subject, day + 1), due(subject, day + 2), kept, far);
        store.markForwarded(List.of(stored.get(0)));
        assertThat(store.cancel(stored.get(1))).isTrue();

        reopen();

        assertThat(idsOf(store.pendingBetween(day, day + 10 * MONTH))).containsExactly(stored.get(2).scheduleId(),
                stored.get(3).scheduleId());
        assertThat(store.read(onlyEntryAt(day + 3))).contains(scheduled(stored.get(2), kept));
        assertThat(store.read(onlyEntryAt(day + 9 * MONTH))).contains(scheduled(stored.get(3), far));
        assertThat(store.pendingBetween(day + 1, day + 3)).isEmpty();
        assertThat(add(due(subject, day + 4)).get(0).scheduleId()).isGreaterThan(stored.get(3).scheduleId());
    }

    @Test
    void cancellingAfterReopeningAForwardedMessageFails() {
        long day = freshDay();
        Subject subject = freshSubject();
        add(due(subject, day + 5));
        ScheduleEntry entry = onlyEntryAt(day + 5);
        store.markForwarded(List.of(entry));

        reopen();

        assertThat(store.cancel(entry)).isFalse();
        assertThat(store.read(entry)).isEmpty();
    }

    @Test
    void pendingCountFollowsAddsForwardsAndCancelsAndSurvivesReopening() {
        long day = freshDay();
        Subject subject = freshSubject();
        long before = store.pendingCount();
        List<ScheduleEntry> stored = add(due(subject, day + 1), due(subject, day + 2), due(subject, day + 3));
        assertThat(store.pendingCount()).isEqualTo(before + 3);

        store.markForwarded(List.of(stored.get(0)));
        assertThat(store.cancel(stored.get(1))).isTrue();
        store.markForwarded(List.of(stored.get(0)));
        assertThat(store.cancel(stored.get(1))).isFalse();
        assertThat(store.pendingCount()).isEqualTo(before + 1);

        reopen();

        assertThat(store.pendingCount()).isEqualTo(before + 1);
        store.markForwarded(List.of(stored.get(2)));
        assertThat(store.pendingCount()).isEqualTo(before);
    }

    @Test
    void aDispatchNeitherForwardedNorCancelledIsInDoubtAfterReopening() {
        long day = freshDay();
        Subject subject = freshSubject();
        List<ScheduleEntry> stored = add(due(subject, day + 1), due(subject, day + 2), due(subject, day + 3),
                due(subject, day + 4));
        store.markDispatching(stored.subList(0, 3), day + 10);
        store.markForwarded(List.of(stored.get(0)));
        assertThat(store.cancel(stored.get(1))).isTrue();
        assertThat(inDoubtAmong(stored)).as("in doubt before reopening").isEmpty();

        reopen();

        assertThat(inDoubtAmong(stored)).containsExactly(new InDoubtDispatch(stored.get(2), day + 10));
        assertThat(idsOf(store.pendingBetween(day, day + DAY))).containsExactly(stored.get(2).scheduleId(),
                stored.get(3).scheduleId());
    }

    @Test
    void anEntryDispatchedTwiceIsInDoubtSinceItsFirstDispatch() {
        long day = freshDay();
        Subject subject = freshSubject();
        List<ScheduleEntry> stored = add(due(subject, day + 1), due(subject, day + 2));
        store.markDispatching(List.of(stored.get(0)), day + 20);
        store.markDispatching(stored, day + 30);

        reopen();

        assertThat(inDoubtAmong(stored)).containsExactly(new InDoubtDispatch(stored.get(0), day + 20),
                new InDoubtDispatch(stored.get(1), day + 30));
    }

    @Test
    void aDispatchInDoubtLeavesTheListOnceSettledAndStaysGoneAfterReopening() {
        long day = freshDay();
        Subject subject = freshSubject();
        List<ScheduleEntry> stored = add(due(subject, day + 1), due(subject, day + 2));
        store.markDispatching(stored, day + 5);
        reopen();
        assertThat(inDoubtAmong(stored)).hasSize(2);

        store.markForwarded(List.of(stored.get(0)));
        assertThat(inDoubtAmong(stored)).containsExactly(new InDoubtDispatch(stored.get(1), day + 5));
        store.markDispatching(List.of(stored.get(1)), day + 50);
        assertThat(store.cancel(stored.get(1))).isTrue();
        assertThat(inDoubtAmong(stored)).isEmpty();

        reopen();

        assertThat(inDoubtAmong(stored)).isEmpty();
    }

    @Test
    void dispatchesSurviveManyReopenings() {
        long day = freshDay();
        Subject subject = freshSubject();
        List<ScheduleEntry> stored = add(due(subject, day + 1));
        store.markDispatching(stored, day + 7);

        reopen();
        reopen();

        assertThat(inDoubtAmong(stored)).containsExactly(new InDoubtDispatch(stored.get(0), day + 7));
    }

    private List<InDoubtDispatch> inDoubtAmong(List<ScheduleEntry> entries) {
        return store.dispatchesInDoubt().stream().filter(d -> entries.contains(d.entry())).toList();
    }

    @Test
    void addingAfterCloseFails() {
        Subject subject = freshSubject();
        store.close();

        assertThatThrownBy(() -> store.add(List.of(due(subject, freshDay()))).orTimeout(10, TimeUnit.SECONDS).join())
                .satisfies(failure -> assertThat(causes(failure)).anyMatch(MessageLogException.class::isInstance));
    }

    @Test
    void concurrentAddersGetDistinctIdsIncreasingInEachAddersOrder() throws Exception {
        long day = freshDay();
        Subject subject = freshSubject();
        int perAdder = 100;
        List<Callable<List<Long>>> adders = new ArrayList<>();
        for (int a = 0; a < RacingCallers.CALLERS; a++) {
            long offset = a;
            adders.add(() -> {
                List<Long> mine = new ArrayList<>();
                for (int i = 0; i < perAdder; i++) {
                    mine.add(add(due(subject, day + (i * 7 + offset) % 1000)).get(0).scheduleId());
                }
                return mine;
            });
        }

        List<List<Long>> ids = RacingCallers.race(adders);

        ids.forEach(mine -> assertThat(mine).isSorted().doesNotHaveDuplicates());
        List<Long> all = ids.stream().flatMap(List::stream).toList();
        assertThat(all).doesNotHaveDuplicates();
        assertThat(idsOf(store.pendingBetween(day, day + DAY))).containsExactlyInAnyOrderElementsOf(all);
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}

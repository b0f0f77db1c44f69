package io.qmq.application.port.out;

import static io.qmq.application.port.out.ScheduleSamples.DAY;
import static io.qmq.application.port.out.ScheduleSamples.due;
import static io.qmq.application.port.out.ScheduleSamples.freshDay;
import static io.qmq.application.port.out.ScheduleSamples.freshId;
import static io.qmq.application.port.out.ScheduleSamples.freshPastDay;
import static io.qmq.application.port.out.ScheduleSamples.freshSubject;
import static io.qmq.application.port.out.ScheduleSamples.idsOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.qmq.domain.delay.DueMessage;
import io.qmq.domain.delay.ScheduleEntry;
import io.qmq.domain.message.MessageId;
import io.qmq.domain.message.Subject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ScheduleCatalog} must answer, over the {@link ScheduleStore} it catalogues. Each
 * test uses fresh subjects, ids and days, so the storage may be shared between tests.
 */
public abstract class ScheduleCatalogContract {

    private static final long YEAR = Duration.ofDays(365).toMillis();

    protected ScheduleStore store;
    protected ScheduleCatalog catalog;

    /** Opens the storage under test; called again after {@link #reopen()} closed the previous store. */
    protected abstract ScheduleStore open();

    /** The catalog over the store that {@link #open()} returned. */
    protected abstract ScheduleCatalog catalogOf(ScheduleStore store);

    @BeforeEach
    void openStore() {
        store = open();
        catalog = catalogOf(store);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    protected final void reopen() {
        store.close();
        openStore();
    }

    protected final List<ScheduleEntry> add(DueMessage... messages) {
        return store.add(List.of(messages)).orTimeout(10, TimeUnit.SECONDS).join();
    }

    @Test
    void anUnknownIdHasNoEntries() {
        assertThat(catalog.pendingWithId(freshId())).isEmpty();
    }

    @Test
    void pendingWithIdFindsEveryResendOfTheId() {
        long day = freshDay();
        Subject subject = freshSubject();
        MessageId id = freshId();
        List<ScheduleEntry> stored = add(due(subject, id, day + 10), due(subject, day + 10),
                due(subject, id, day + 2 * YEAR));

        List<ScheduleEntry> entries = catalog.pendingWithId(id);

        assertThat(idsOf(entries)).containsExactlyInAnyOrder(stored.get(0).scheduleId(), stored.get(2).scheduleId());
        assertThat(entries).extracting(ScheduleEntry::dueAt).containsExactlyInAnyOrder(day + 10, day + 2 * YEAR);
        entries.forEach(entry -> assertThat(store.read(entry)).get()
                .extracting(m -> m.message().id()).isEqualTo(id));
    }

    @Test
    void pendingWithIdLeavesOutForwardedAndCancelledMessages() {
        long day = freshDay();
        Subject subject = freshSubject();
        MessageId id = freshId();
        List<ScheduleEntry> stored = add(due(subject, id, day + 1), due(subject, id, day + 2), due(subject, id, day + 3));
        List<ScheduleEntry> entries = store.pendingBetween(day, day + 4);
        store.markForwarded(List.of(entries.get(0)));
        assertThat(store.cancel(entries.get(2))).isTrue();

        assertThat(idsOf(catalog.pendingWithId(id))).containsExactly(stored.get(1).scheduleId());
        reopen();
        assertThat(idsOf(catalog.pendingWithId(id))).containsExactly(stored.get(1).scheduleId());
    }

    @Test
    void anEntryFoundByIdCanBeCancelled() {
        long day = freshDay();
        Subject subject = freshSubject();
        MessageId id = freshId();
        add(due(subject, id, day + YEAR));

        ScheduleEntry entry = catalog.pendingWithId(id).get(0);

        assertThat(store.cancel(entry)).isTrue();
        assertThat(catalog.pendingWithId(id)).isEmpty();
        assertThat(store.pendingBetween(day, day + 2 * YEAR)).isEmpty();
    }

    @Test
    void countPendingCountsOneSubjectWithinTheRange() {
        long day = freshDay();
        Subject counted = freshSubject();
        Subject other = freshSubject();
        add(due(counted, day - 1), due(counted, day), due(counted, day + 100), due(other, day + 100),
                due(counted, day + DAY - 1), due(counted, day + DAY));

        assertThat(catalog.countPending(counted, day, day + DAY)).isEqualTo(3);
        assertThat(catalog.countPending(other, day, day + DAY)).isEqualTo(1);
        assertThat(catalog.countPending(counted, day - 1, day + DAY + 1)).isEqualTo(5);
        assertThat(catalog.countPending(counted, day + 1, day + 100)).isZero();
        assertThat(catalog.countPending(freshSubject(), day, day + DAY)).isZero();
    }

    @Test
    void countPendingLeavesOutForwardedAndCancelledMessagesAcrossReopening() {
        long day = freshDay();
        Subject subject = freshSubject();
        add(due(subject, day + 1), due(subject, day + 2), due(subject, day + 3), due(subject, day + YEAR));
        List<ScheduleEntry> entries = store.pendingBetween(day, day + 4);
        store.markForwarded(List.of(entries.get(0)));
        store.cancel(entries.get(1));

        assertThat(catalog.countPending(subject, day, day + 2 * YEAR)).isEqualTo(2);
        reopen();
        assertThat(catalog.countPending(subject, day, day + 2 * YEAR)).isEqualTo(2);
        assertThat(catalog.countPending(subject, day, day + 4)).isEqualTo(1);
    }

    @Test
    void countPendingIncludesOverdueMessages() {
        long past = freshPastDay();
        Subject subject = freshSubject();
        add(due(subject, past), due(subject, past + 1));

        assertThat(catalog.countPending(subject, 0, System.currentTimeMillis())).isEqualTo(2);
    }

    @Test
    void racingCancelsOfOneMessageSucceedOnce() throws Exception {
        long day = freshDay();
        MessageId id = freshId();
        add(due(freshSubject(), id, day + 42));
        ScheduleEntry entry = catalog.pendingWithId(id).get(0);
        List<Callable<Boolean>> cancels = new ArrayList<>();
        for (int c = 0; c < RacingCallers.CALLERS; c++) {
            cancels.add(() -> store.cancel(entry));
        }

        List<Boolean> outcomes = RacingCallers.race(cancels);

        assertThat(outcomes).containsOnlyOnce(true);
        assertThat(catalog.pendingWithId(id)).isEmpty();
    }

    @Test
    void addedMessagesAreCatalogedAtOnce() {
        long day = freshDay();
        Subject subject = freshSubject();
        MessageId id = freshId();

        List<ScheduleEntry> stored = add(due(subject, id, day + 9));

        assertThat(idsOf(catalog.pendingWithId(id))).containsExactlyElementsOf(idsOf(stored));
        assertThat(catalog.countPending(subject, day, day + DAY)).isEqualTo(1);
    }
}

package io.qmq.adapters.filestore.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.qmq.application.port.out.ScheduleSamples;
import io.qmq.domain.delay.DueMessage;
import io.qmq.domain.delay.InDoubtDispatch;
import io.qmq.domain.delay.ScheduleEntry;
import io.qmq.domain.delay.ScheduledMessage;
import io.qmq.domain.message.Subject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random adds, dispatch records, forwards, cancels, queries and reopenings (with the segment span
 * changing between runs), each checked against a {@link TreeMap} of what should be pending, the
 * earliest dispatch of each, and which of those were in doubt at the last opening. Seeds are fixed, so
 * a failure replays.
 */
class ScheduleStoreModelTest {

    private static final long BASE = 2_000_000_000_000L;
    private static final long RANGE = Duration.ofMinutes(30).toMillis();
    private static final int STEPS = 600;
    private static final long[] SPANS_MINUTES = {1, 3, 7, 10};
    private static final Comparator<ScheduleEntry> DUE_ORDER =
            Comparator.comparingLong(ScheduleEntry::dueAt).thenComparingLong(ScheduleEntry::scheduleId);

    @TempDir
    Path dir;
    private final TreeMap<ScheduleEntry, DueMessage> model = new TreeMap<>(DUE_ORDER);
    private final List<ScheduleEntry> settled = new ArrayList<>();
    /** Schedule id of a pending entry to its earliest recorded dispatch. */
    private final Map<Long, Long> dispatched = new HashMap<>();
    /** What the store should report in doubt: dispatched and pending at the last opening, less what settled since. */
    private final Map<Long, Long> inDoubt = new HashMap<>();
    private final List<Subject> subjects = List.of(ScheduleSamples.freshSubject(), ScheduleSamples.freshSubject());
    private FileScheduleStore store;
    private Random random;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42})
    void theStoreAgreesWithAModel(long seed) {
        random = new Random(seed);
        store = open();
        try {
            for (int step = 0; step < STEPS; step++) {
                step(random.nextInt(100));
            }
            checkEverything();
        } finally {
            store.close();
        }
    }

    private FileScheduleStore open() {
        Duration span = Duration.ofMinutes(SPANS_MINUTES[random.nextInt(SPANS_MINUTES.length)]);
        return FileScheduleStore.open(ScheduleStoreConfig.defaults(dir).withSegmentSpan(span).withLogSegmentBytes(8192));
    }

    private void step(int dice) {
        if (dice < 40) {
            add();
        } else if (dice < 52) {
            settleOne(true);
        } else if (dice < 64) {
            settleOne(false);
        } else if (dice < 72) {
            cancelASettledOne();
        } else if (dice < 80) {
            dispatchSome(dice);
        } else if (dice < 95) {
            checkWindow();
            checkCountAndDoubts();
        } else {
            store.close();
            store = open();
            inDoubt.clear();
            inDoubt.putAll(dispatched);
            checkCountAndDoubts();
        }
    }

    private void add() {
        List<DueMessage> batch = new ArrayList<>();
        for (int i = random.nextInt(5); i >= 0; i--) {
            batch.add(ScheduleSamples.due(subjects.get(random.nextInt(2)), BASE + (long) (random.nextDouble() * RANGE)));
        }
        List<ScheduleEntry> entries = store.add(batch).orTimeout(10, TimeUnit.SECONDS).join();
        for (int i = 0; i < batch.size(); i++) {
            assertThat(model.isEmpty() || entries.get(i).scheduleId() > model.keySet().stream()
                    .mapToLong(ScheduleEntry::scheduleId).max().orElse(-1)).isTrue();
            model.put(entries.get(i), batch.get(i));
        }
    }

    private void settleOne(boolean forward) {
        if (model.isEmpty()) {
            return;
        }
        ScheduleEntry entry = new ArrayList<>(model.keySet()).get(random.nextInt(model.size()));
        if (forward) {
            store.markForwarded(List.of(entry));
        } else {
            assertThat(store.cancel(entry)).isTrue();
        }
        model.remove(entry);
        settled.add(entry);
        dispatched.remove(entry.scheduleId());
        inDoubt.remove(entry.scheduleId());
    }

    private void dispatchSome(long at) {
        if (model.isEmpty()) {
            return;
        }
        List<ScheduleEntry> pending = new ArrayList<>(model.keySet());
        List<ScheduleEntry> batch = new ArrayList<>();
        for (int i = random.nextInt(4); i >= 0; i--) {
            batch.add(pending.get(random.nextInt(pending.size())));
        }
        store.markDispatching(batch, at);
        batch.forEach(e -> dispatched.merge(e.scheduleId(), at, Math::min));
    }

    private void checkCountAndDoubts() {
        assertThat(store.pendingCount()).isEqualTo(model.size());
        List<ScheduleEntry> expected = model.keySet().stream().filter(e -> inDoubt.containsKey(e.scheduleId())).toList();
        assertThat(store.dispatchesInDoubt()).extracting(d -> d.entry().scheduleId(), InDoubtDispatch::dispatchedAt)
                .containsExactlyElementsOf(expected.stream()
                        .map(e -> org.assertj.core.groups.Tuple.tuple(e.scheduleId(), inDoubt.get(e.scheduleId()))).toList());
    }

    private void cancelASettledOne() {
        if (!settled.isEmpty()) {
            ScheduleEntry entry = settled.get(random.nextInt(settled.size()));
            assertThat(store.cancel(entry)).isFalse();
            assertThat(store.read(entry)).isEmpty();
        }
    }

    private void checkWindow() {
        long from = BASE - 1000 + (long) (random.nextDouble() * (RANGE + 2000));
        long to = from + (long) (random.nextDouble() * RANGE / 3);
        ScheduleEntry low = new ScheduleEntry(Long.MIN_VALUE, from, 0);
        ScheduleEntry high = new ScheduleEntry(Long.MIN_VALUE, to, 0);
        assertThat(store.pendingBetween(from, to)).extracting(ScheduleEntry::scheduleId)
                .containsExactlyElementsOf(model.subMap(low, high).keySet().stream().map(ScheduleEntry::scheduleId).toList());
        Subject subject = subjects.get(random.nextInt(2));
        long expected = model.subMap(low, high).values().stream().filter(d -> d.message().subject().equals(subject)).count();
        assertThat(store.countPending(subject, from, to)).isEqualTo(expected);
    }

    private void checkEverything() {
        checkCountAndDoubts();
        assertThat(store.pendingBetween(0, Long.MAX_VALUE)).extracting(ScheduleEntry::scheduleId)
                .containsExactlyElementsOf(model.keySet().stream().map(ScheduleEntry::scheduleId).toList());
        model.forEach((entry, due) -> assertThat(store.read(entry))
                .contains(new ScheduledMessage(entry.scheduleId(), due.dueAt(), due.message())));
        model.forEach((entry, due) -> assertThat(store.pendingWithId(due.message().id())).containsExactly(entry));
    }
}

package io.qmq.adapters.filestore.schedule;

import static io.qmq.application.port.out.ScheduleSamples.due;
import static io.qmq.application.port.out.ScheduleSamples.freshSubject;
import static io.qmq.application.port.out.ScheduleSamples.idsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qmq.adapters.filestore.FlushPolicy;
import io.qmq.application.port.out.MessageLogException;
import io.qmq.domain.delay.ScheduleEntry;
import io.qmq.domain.message.Subject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How schedule segments are laid out on disk, completed, and re-spanned. */
class ScheduleSegmentLifecycleTest {

    private static final long BASE = 2_000_000_000_000L - Math.floorMod(2_000_000_000_000L, 3_600_000L);
    private static final long MINUTE = 60_000;

    @TempDir
    Path dir;

    private FileScheduleStore open(Duration span) {
        return FileScheduleStore.open(ScheduleStoreConfig.defaults(dir).withSegmentSpan(span));
    }

    private static List<ScheduleEntry> add(FileScheduleStore store, Subject subject, long... dueTimes) {
        return store.add(Arrays.stream(dueTimes).mapToObj(t -> due(subject, t)).toList())
                .orTimeout(10, TimeUnit.SECONDS).join();
    }

    private List<String> segmentFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("segments"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void oneIndexFilePerSpanOfDueTimes() throws IOException {
        try (FileScheduleStore store = open(Duration.ofMinutes(10))) {
            add(store, freshSubject(), BASE + 1, BASE + 9 * MINUTE, BASE + 10 * MINUTE, BASE + 25 * MINUTE);
        }

        assertThat(segmentFiles()).extracting(n -> n.substring(0, n.lastIndexOf('-'))).containsExactly(
                BASE + "-" + (BASE + 10 * MINUTE), (BASE + 10 * MINUTE) + "-" + (BASE + 20 * MINUTE),
                (BASE + 20 * MINUTE) + "-" + (BASE + 30 * MINUTE));
    }

    @Test
    void aSegmentWhoseMessagesAreAllSettledIsDeletedAndItsEntriesStayGone() throws IOException {
        try (FileScheduleStore store = open(Duration.ofMinutes(10))) {
            Subject subject = freshSubject();
            List<ScheduleEntry> entries = add(store, subject, BASE + 1, BASE + 2, BASE + 30 * MINUTE);
            store.markForwarded(List.of(entries.get(0)));
            assertThat(store.cancel(entries.get(1))).isTrue();

            assertThat(segmentFiles()).hasSize(1).allMatch(n -> n.startsWith(Long.toString(BASE + 30 * MINUTE)));
            List<ScheduleEntry> again = add(store, subject, BASE + 1);
            assertThat(store.read(entries.get(0))).isEmpty();
            assertThat(store.cancel(entries.get(1))).isFalse();
            assertThat(idsOf(store.pendingBetween(BASE, BASE + MINUTE))).containsExactlyElementsOf(idsOf(again));
        }
    }

    @Test
    void aCompletedSegmentWhoseDeletionACrashUndidIsDeletedAgain() throws IOException {
        Path saved = dir.resolve("saved.index");
        List<ScheduleEntry> again;
        try (FileScheduleStore store = open(Duration.ofMinutes(10))) {
            Subject subject = freshSubject();
            ScheduleEntry first = add(store, subject, BASE + 1).get(0);
            Path completed = dir.resolve("segments").resolve(segmentFiles().get(0));
            Files.copy(completed, saved);
            store.markForwarded(List.of(first));
            assertThat(segmentFiles()).isEmpty();
            again = add(store, subject, BASE + 2);
            Files.copy(saved, completed);
            Files.createFile(dir.resolve("segments").resolve((BASE + 60 * MINUTE) + "-" + (BASE + 70 * MINUTE) + "-7.index"));
        }

        try (FileScheduleStore store = open(Duration.ofMinutes(10))) {
            assertThat(store.pendingBetween(0, Long.MAX_VALUE)).containsExactlyElementsOf(again);
            assertThat(segmentFiles()).hasSize(1);
        }
    }

    @Test
    void theSpanMayChangeBetweenRunsWithoutOverlappingOldSegments() throws IOException {
        Subject subject = freshSubject();
        try (FileScheduleStore store = open(Duration.ofMinutes(60))) {
            add(store, subject, BASE + 30 * MINUTE);
        }
        try (FileScheduleStore store = open(Duration.ofMinutes(7))) {
            add(store, subject, BASE + 59 * MINUTE, BASE + 61 * MINUTE, BASE + 62 * MINUTE, BASE - 1);
            List<ScheduleEntry> all = store.pendingBetween(0, Long.MAX_VALUE);

            assertThat(all).extracting(ScheduleEntry::dueAt).containsExactly(BASE - 1, BASE + 30 * MINUTE,
                    BASE + 59 * MINUTE, BASE + 61 * MINUTE, BASE + 62 * MINUTE);
            assertThat(store.countPending(subject, BASE, BASE + 63 * MINUTE)).isEqualTo(4);
        }
        assertThat(segmentFiles()).hasSize(3);
    }

    @Test
    void aLogSegmentIsDeletedOnceEveryMessageInItIsSettled() throws IOException {
        Subject subject = freshSubject();
        List<ScheduleEntry> entries;
        try (FileScheduleStore store = FileScheduleStore.open(ScheduleStoreConfig.defaults(dir).withLogSegmentBytes(4096))) {
            entries = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                entries.addAll(add(store, subject, BASE + i * MINUTE));
            }
            assertThat(logFiles()).hasSizeGreaterThan(3);
            List<ScheduleEntry> early = entries.stream().filter(e -> LogLocation.segmentOf(e.location()) < 2).toList();
            store.markForwarded(early);

            assertThat(logFiles()).doesNotContain("0000000000.log", "0000000001.log");
            assertThat(store.read(early.get(0))).isEmpty();
        }
        try (FileScheduleStore store = FileScheduleStore.open(ScheduleStoreConfig.defaults(dir).withLogSegmentBytes(4096))) {
            List<ScheduleEntry> rest = entries.stream().filter(e -> LogLocation.segmentOf(e.location()) >= 2).toList();
            assertThat(store.pendingBetween(0, Long.MAX_VALUE)).containsExactlyElementsOf(rest);
            rest.forEach(e -> assertThat(store.read(e)).isPresent());
            store.markForwarded(rest);
        }
        try (FileScheduleStore store = FileScheduleStore.open(ScheduleStoreConfig.defaults(dir))) {
            assertThat(logFiles()).isEmpty();
            assertThat(segmentFiles()).isEmpty();
        }
    }

    private List<String> logFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("log"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void settlementsFromManyThreadsUnderTheSyncPolicyAllSurviveReopening() throws Exception {
        ScheduleStoreConfig config = ScheduleStoreConfig.defaults(dir).withFlush(FlushPolicy.SYNC);
        List<ScheduleEntry> entries;
        try (FileScheduleStore store = FileScheduleStore.open(config)) {
            long[] dueTimes = LongStream.range(0, 201).map(i -> BASE + i).toArray();
            entries = add(store, freshSubject(), dueTimes);
            ExecutorService threads = Executors.newFixedThreadPool(4);
            try {
                List<Future<Boolean>> outcomes = new ArrayList<>();
                for (ScheduleEntry entry : entries.subList(0, 200)) {
                    outcomes.add(threads.submit(() -> entry.scheduleId() % 2 == 0 ? store.cancel(entry) : forward(store, entry)));
                }
                for (Future<Boolean> outcome : outcomes) {
                    assertThat(outcome.get(20, TimeUnit.SECONDS)).isTrue();
                }
            } finally {
                threads.shutdownNow();
            }
        }
        try (FileScheduleStore store = FileScheduleStore.open(config)) {
            assertThat(store.pendingBetween(0, Long.MAX_VALUE)).containsExactly(entries.get(200));
        }
    }

    private static boolean forward(FileScheduleStore store, ScheduleEntry entry) {
        store.markForwarded(List.of(entry));
        return true;
    }

    @Test
    void aSecondStoreOverTheSameDirectoryIsRefused() {
        try (FileScheduleStore store = open(Duration.ofMinutes(10))) {
            assertThatThrownBy(() -> open(Duration.ofMinutes(10))).isInstanceOf(MessageLogException.class)
                    .hasMessageContaining(dir.toString());
        }
    }

    @Test
    void pendingEntriesComeInDueOrderAcrossSegments() {
        try (FileScheduleStore store = open(Duration.ofMinutes(1))) {
            add(store, freshSubject(), BASE + 5 * MINUTE, BASE + 1, BASE + 3 * MINUTE + 5, BASE + 3 * MINUTE + 1);

            assertThat(store.pendingBetween(BASE, BASE + 10 * MINUTE))
                    .isSortedAccordingTo(Comparator.comparingLong(ScheduleEntry::dueAt)).hasSize(4);
        }
    }
}

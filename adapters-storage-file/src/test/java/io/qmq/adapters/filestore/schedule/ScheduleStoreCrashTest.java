package io.qmq.adapters.filestore.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.qmq.domain.delay.ScheduleEntry;
import io.qmq.domain.delay.ScheduledMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a delay store's JVM with SIGKILL at random moments, several times over one directory, and
 * checks after each kill: every message whose add returned is still pending unless a forward or
 * cancel of it was begun; none whose forward or cancel returned is pending again; every pending
 * entry reads back its own message.
 */
class ScheduleStoreCrashTest {

    private static final int KILLS = 3;
    private static final Duration READY_LIMIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private final Map<Long, String> added = new HashMap<>();
    private final Set<Long> settling = new HashSet<>();
    private final Set<Long> settled = new HashSet<>();

    @Test
    void killingTheStoreAtAnyMomentLosesNothingAndRevivesNothingSettled() throws Exception {
        for (int kill = 0; kill < KILLS; kill++) {
            ForkedJvm jvm = ForkedJvm.start(ScheduleCrashProbe.class, "256m", dir.resolve("run" + kill + ".out"),
                    dir.resolve("store").toString(), "r" + kill);
            awaitReady(jvm);
            Thread.sleep(ThreadLocalRandom.current().nextLong(300, 1500));
            jvm.kill();
            readJournal(jvm.outputText());

            checkStore();
        }
        assertThat(added).hasSizeGreaterThan(100);
        assertThat(settled).isNotEmpty();
    }

    @Test
    void aDispatchRecordedBeforeTheKillIsInDoubtAfterItUnlessSettled() throws Exception {
        ForkedJvm jvm = ForkedJvm.start(DispatchCrashProbe.class, "128m", dir.resolve("dispatch.out"),
                dir.resolve("store").toString());
        awaitReady(jvm);
        jvm.kill();
        List<Long> expected = jvm.outputText().lines().filter(l -> l.startsWith("in-doubt ")).findFirst().orElseThrow()
                .substring("in-doubt ".length()).lines().flatMap(l -> java.util.Arrays.stream(l.split(",")))
                .map(Long::parseLong).toList();

        try (FileScheduleStore store = FileScheduleStore.open(ScheduleStoreConfig.defaults(dir.resolve("store")))) {
            assertThat(store.dispatchesInDoubt()).extracting(d -> d.entry().scheduleId())
                    .containsExactlyElementsOf(expected);
            assertThat(store.dispatchesInDoubt()).allSatisfy(d ->
                    assertThat(d.dispatchedAt()).isEqualTo(DispatchCrashProbe.DISPATCHED_AT));
            assertThat(store.pendingCount()).isEqualTo(expected.size());
        }
    }

    private void awaitReady(ForkedJvm jvm) throws InterruptedException {
        long deadline = System.nanoTime() + READY_LIMIT.toNanos();
        while (!jvm.outputText().contains("ready") && System.nanoTime() < deadline) {
            assertThat(jvm.isAlive()).as(jvm.outputText()).isTrue();
            Thread.sleep(20);
        }
        assertThat(jvm.outputText()).contains("ready");
    }

    private void readJournal(String journal) {
        List<String> lines = journal.lines().toList();
        if (!journal.endsWith("\n") && !lines.isEmpty()) {
            lines = lines.subList(0, lines.size() - 1); // the kill came in the middle of this line
        }
        for (String line : lines) {
            String[] words = line.split(" ");
            if (words.length < 2) {
                continue;
            }
            switch (words[0]) {
                case "added" -> added.put(Long.parseLong(words[1]), words[4]);
                case "settling" -> settling.add(Long.parseLong(words[1]));
                case "forwarded", "cancelled" -> settled.add(Long.parseLong(words[1]));
                default -> { }
            }
        }
    }

    private void checkStore() {
        try (FileScheduleStore store = FileScheduleStore.open(ScheduleStoreConfig.defaults(dir.resolve("store")))) {
            List<ScheduleEntry> pending = store.pendingBetween(0, Long.MAX_VALUE);
            Set<Long> pendingIds = new HashSet<>();
            for (ScheduleEntry entry : pending) {
                if (!pendingIds.add(entry.scheduleId())) {
                    throw new AssertionError("listed twice: " + entry);
                }
                Optional<ScheduledMessage> message = store.read(entry);
                String expectedId = added.get(entry.scheduleId());
                if (message.isEmpty() || expectedId != null && !message.get().message().id().value().equals(expectedId)) {
                    throw new AssertionError("pending " + entry + " reads " + message + ", added as " + expectedId);
                }
            }
            Set<Long> lost = new HashSet<>(added.keySet());
            lost.removeAll(settling);
            lost.removeAll(pendingIds);
            assertThat(lost).as("added, never settled, yet not pending").isEmpty();
            Set<Long> revived = new HashSet<>(settled);
            revived.retainAll(pendingIds);
            assertThat(revived).as("settled before the kill, yet pending").isEmpty();
        }
    }
}

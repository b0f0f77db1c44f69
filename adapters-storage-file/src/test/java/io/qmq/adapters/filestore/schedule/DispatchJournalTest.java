package io.qmq.adapters.filestore.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.qmq.domain.delay.InDoubtDispatch;
import io.qmq.domain.delay.ScheduleEntry;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DispatchJournalTest {

    @TempDir
    Path dir;

    @Test
    void recordsEachDispatchOnceWithItsEarliestTime() throws Exception {
        try (DispatchJournal journal = DispatchJournal.open(dir, entry -> true)) {
            journal.dispatching(List.of(entry(1), entry(2)), 100);
            journal.dispatching(List.of(entry(2), entry(3)), 200);
        }

        assertThat(DispatchJournal.recorded(dir)).containsExactly(new InDoubtDispatch(entry(1), 100),
                new InDoubtDispatch(entry(2), 100), new InDoubtDispatch(entry(3), 200));
    }

    @Test
    void openingKeepsOnlyTheDispatchesOfPendingEntriesAndCallsThemInDoubt() throws Exception {
        try (DispatchJournal journal = DispatchJournal.open(dir, entry -> true)) {
            journal.dispatching(List.of(entry(1), entry(2), entry(3)), 100);
            assertThat(journal.inDoubt()).as("in doubt in the run that dispatched").isEmpty();
        }

        try (DispatchJournal journal = DispatchJournal.open(dir, entry -> entry.scheduleId() == 2)) {
            assertThat(journal.inDoubt()).containsExactly(new InDoubtDispatch(entry(2), 100));
            journal.dispatching(List.of(entry(4)), 300);
            journal.settled(4);
            assertThat(journal.inDoubt()).hasSize(1);
            journal.settled(2);
            assertThat(journal.inDoubt()).isEmpty();
            journal.dispatching(List.of(entry(2), entry(4)), 400);
        }

        assertThat(DispatchJournal.recorded(dir)).containsExactly(new InDoubtDispatch(entry(2), 100),
                new InDoubtDispatch(entry(4), 300));
    }

    @Test
    void aTornOrDamagedTailIsIgnored() throws Exception {
        try (DispatchJournal journal = DispatchJournal.open(dir, entry -> true)) {
            journal.dispatching(List.of(entry(1)), 100);
            journal.dispatching(List.of(entry(2)), 200);
        }
        Path file = dir.resolve(DispatchJournal.FILE);
        long whole = Files.size(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(whole - 3); // the second record loses its checksum's last bytes
            channel.write(ByteBuffer.wrap(new byte[] {0, 0, 0, 1, 9, 9}), whole - 3);
        }

        assertThat(DispatchJournal.recorded(dir)).containsExactly(new InDoubtDispatch(entry(1), 100));
    }

    @Test
    void theFileIsRewrittenWithTheUnsettledOnlyOnceItGrowsLarge() throws Exception {
        int batch = DispatchFile.MAX_ENTRIES;
        long recordBytes = 16 + 24L * batch;
        long batchesToRewrite = DispatchJournal.REWRITE_BYTES / recordBytes + 1;
        try (DispatchJournal journal = DispatchJournal.open(dir, entry -> true)) {
            long id = 0;
            for (long b = 0; b < batchesToRewrite; b++) {
                List<ScheduleEntry> entries = new ArrayList<>();
                for (int i = 0; i < batch; i++) {
                    entries.add(entry(id++));
                }
                journal.dispatching(entries, b);
                if (b > 0) {
                    entries.forEach(e -> journal.settled(e.scheduleId()));
                }
            }
            assertThat(Files.size(dir.resolve(DispatchJournal.FILE))).isLessThan(DispatchJournal.REWRITE_BYTES / 2);
        }

        // the rewrite came with the last batch, before that was settled; everything between is gone
        List<InDoubtDispatch> kept = DispatchJournal.recorded(dir);
        assertThat(kept).hasSize(2 * batch);
        assertThat(kept.subList(0, batch)).allSatisfy(d -> assertThat(d.dispatchedAt()).isZero());
        assertThat(kept.subList(batch, 2 * batch)).allSatisfy(d -> assertThat(d.dispatchedAt()).isEqualTo(batchesToRewrite - 1));
    }

    @Test
    void aRewriteKeepsExactlyTheUnsettledDispatchesAndSurvivesAReopen() throws Exception {
        try (DispatchJournal journal = DispatchJournal.open(dir, entry -> true)) {
            journal.dispatching(List.of(entry(1), entry(2), entry(3)), 100);
            journal.dispatching(List.of(entry(4)), 200);
        }
        // opening rewrites the file with the dispatches of pending entries only
        try (DispatchJournal journal = DispatchJournal.open(dir, entry -> entry.scheduleId() != 2)) {
            journal.settled(3);
            journal.dispatching(List.of(entry(5)), 300);
        }
        try (DispatchJournal journal = DispatchJournal.open(dir, entry -> entry.scheduleId() != 2 && entry.scheduleId() != 3)) {
            assertThat(journal.inDoubt()).containsExactly(new InDoubtDispatch(entry(1), 100),
                    new InDoubtDispatch(entry(4), 200), new InDoubtDispatch(entry(5), 300));
        }

        assertThat(DispatchJournal.recorded(dir)).containsExactly(new InDoubtDispatch(entry(1), 100),
                new InDoubtDispatch(entry(4), 200), new InDoubtDispatch(entry(5), 300));
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly(DispatchJournal.FILE);
        }
    }

    private static ScheduleEntry entry(long id) {
        return new ScheduleEntry(id, 1_000 + id, id * 64);
    }
}

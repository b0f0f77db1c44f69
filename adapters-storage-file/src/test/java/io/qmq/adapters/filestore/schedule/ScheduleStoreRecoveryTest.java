package io.qmq.adapters.filestore.schedule;

import static io.qmq.application.port.out.ScheduleSamples.due;
import static io.qmq.application.port.out.ScheduleSamples.freshSubject;
import static io.qmq.application.port.out.ScheduleSamples.idsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qmq.adapters.filestore.FlushPolicy;
import io.qmq.application.port.out.MessageLogException;
import io.qmq.domain.delay.DueMessage;
import io.qmq.domain.delay.ScheduleEntry;
import io.qmq.domain.delay.ScheduledMessage;
import io.qmq.domain.message.Subject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damage as a crash or a bad disk leaves it (torn tails, flipped bytes) in the last files written:
 * nothing stored before the damage is lost, nothing is served from damaged bytes, and nothing settled
 * comes back.
 */
class ScheduleStoreRecoveryTest {

    private static final long DAY = 2_000_000_000_000L;
    private static final int MESSAGES = 10;

    @TempDir
    Path dir;
    private FileScheduleStore store;
    private final List<DueMessage> added = new ArrayList<>();
    private final List<ScheduleEntry> entries = new ArrayList<>();

    @BeforeEach
    void addTenMessagesOneByOne() {
        store = open();
        Subject subject = freshSubject();
        for (int i = 0; i < MESSAGES; i++) {
            DueMessage message = due(subject, DAY + i);
            added.add(message);
            entries.add(store.add(List.of(message)).orTimeout(10, TimeUnit.SECONDS).join().get(0));
        }
    }

    @AfterEach
    void close() {
        store.close();
    }

    private FileScheduleStore open() {
        return FileScheduleStore.open(ScheduleStoreConfig.defaults(dir).withFlush(FlushPolicy.SYNC));
    }

    private void reopen() {
        store.close();
        store = open();
    }

    private List<ScheduleEntry> pending() {
        return store.pendingBetween(0, Long.MAX_VALUE);
    }

    private void assertIntactExcept(int... lost) {
        List<Long> expected = new ArrayList<>(idsOf(entries));
        for (int i = lost.length - 1; i >= 0; i--) {
            expected.remove(lost[i]);
            assertThat(store.read(entries.get(lost[i]))).isEmpty();
        }
        assertThat(idsOf(pending())).containsExactlyElementsOf(expected);
        for (int i = 0; i < MESSAGES; i++) {
            if (expected.contains(entries.get(i).scheduleId())) {
                assertThat(store.read(entries.get(i))).contains(
                        new ScheduledMessage(entries.get(i).scheduleId(), added.get(i).dueAt(), added.get(i).message()));
            }
        }
    }

    @Test
    void aTornLogTailLosesOnlyTheTornMessage() throws IOException {
        store.close();
        truncate(newest(dir.resolve("log"), ".log"), 5);

        store = open();

        assertIntactExcept(MESSAGES - 1);
        assertThat(store.cancel(entries.get(MESSAGES - 1))).isFalse();
        ScheduleEntry later = store.add(List.of(due(freshSubject(), DAY + 3))).orTimeout(10, TimeUnit.SECONDS).join().get(0);
        assertThat(later.scheduleId()).isGreaterThan(entries.get(MESSAGES - 1).scheduleId());
        reopen();
        assertThat(idsOf(pending())).hasSize(MESSAGES).contains(later.scheduleId())
                .doesNotContain(entries.get(MESSAGES - 1).scheduleId());
    }

    @Test
    void aFlippedByteInTheLastRecordIsNeverServed() throws IOException {
        store.close();
        Path log = newest(dir.resolve("log"), ".log");
        flip(log, Files.size(log) - 3);

        store = open();

        assertIntactExcept(MESSAGES - 1);
    }

    @Test
    void aPartialIndexEntryIsCutAndLaterEntriesFollowIt() throws IOException {
        store.close();
        Path index = newest(dir.resolve("segments"), ScheduleSegment.INDEX_SUFFIX);
        Files.write(index, new byte[17], StandardOpenOption.APPEND);

        store = open();
        ScheduleEntry later = store.add(List.of(due(freshSubject(), DAY + 4))).orTimeout(10, TimeUnit.SECONDS).join().get(0);
        reopen();

        assertThat(Files.size(index) % IndexEntry.BYTES).isZero();
        assertThat(idsOf(pending())).hasSize(MESSAGES + 1).contains(later.scheduleId());
    }

    @Test
    void aDamagedIndexEntryIsSkippedAlone() throws IOException {
        store.close();
        flip(newest(dir.resolve("segments"), ScheduleSegment.INDEX_SUFFIX), 4L * IndexEntry.BYTES + 9);

        store = open();

        List<Long> expected = new ArrayList<>(idsOf(entries));
        expected.remove(4);
        assertThat(idsOf(pending())).containsExactlyElementsOf(expected);
    }

    @Test
    void aTornSettleRecordLeavesEarlierSettlementsInForce() throws IOException {
        store.markForwarded(entries.subList(0, 3));
        assertThat(store.cancel(entries.get(3))).isTrue();
        store.close();
        truncate(newest(dir.resolve("segments"), ScheduleSegment.SETTLED_SUFFIX), 7);

        store = open();

        assertThat(idsOf(pending())).containsExactlyElementsOf(idsOf(entries.subList(3, MESSAGES)));
        store.markForwarded(List.of(entries.get(5)));
        reopen();
        List<Long> expected = new ArrayList<>(idsOf(entries.subList(3, MESSAGES)));
        expected.remove(entries.get(5).scheduleId());
        assertThat(idsOf(pending())).containsExactlyElementsOf(expected);
        assertThat(store.read(entries.get(0))).isEmpty();
    }

    @Test
    void aBatchCutShortBeforeItsForceKeepsTheRecordsThatReachedTheDiskAndLeavesTheRestPending() throws IOException {
        store.markForwarded(entries.subList(0, 5));
        store.close();
        // the crash lost the last record and a half of the batch's one write: what a missing force allows
        truncate(newest(dir.resolve("segments"), ScheduleSegment.SETTLED_SUFFIX), SettleFile.BYTES + 7);

        store = open();

        assertThat(idsOf(pending())).containsExactlyElementsOf(idsOf(entries.subList(3, MESSAGES)));
        assertThat(store.pendingCount()).isEqualTo(MESSAGES - 3);
        store.markForwarded(entries.subList(3, 6));
        reopen();
        assertThat(idsOf(pending())).containsExactlyElementsOf(idsOf(entries.subList(6, MESSAGES)));
        assertThat(store.read(entries.get(4))).isEmpty();
    }

    @Test
    void anOpenThatFailsReleasesTheDirectorySoThatALaterOneSucceeds() throws IOException {
        store.close();
        Path journal = dir.resolve(DispatchJournal.FILE);
        Files.delete(journal);
        Files.createDirectory(journal); // the journal cannot be read, after the lock, log and segments opened

        assertThatThrownBy(this::open).isInstanceOf(MessageLogException.class);
        assertThatThrownBy(this::open).as("still failing for its own reason, not a lock left held")
                .rootCause().hasMessageNotContaining("in use");

        Files.delete(journal);
        store = open();
        assertIntactExcept();
    }

    static Path newest(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(suffix)).sorted().reduce((a, b) -> b).orElseThrow();
        }
    }

    private static void truncate(Path file, int bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - bytes);
        }
    }

    private static void flip(Path file, long position) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, position);
            one.put(0, (byte) ~one.get(0));
            channel.write(one.rewind(), position);
        }
    }
}

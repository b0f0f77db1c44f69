package io.qmq.adapters.filestore;

import static org.assertj.core.api.Assertions.assertThat;

import io.qmq.adapters.filestore.retention.RetentionPolicy;
import io.qmq.adapters.filestore.retention.SweepResult;
import io.qmq.application.port.in.SendStatus;
import io.qmq.application.port.out.BrokerMetrics;
import io.qmq.domain.consumer.Subscription;
import io.qmq.domain.message.Message;
import io.qmq.domain.message.MessageFlags;
import io.qmq.domain.message.MessageId;
import io.qmq.domain.message.StoredMessage;
import io.qmq.domain.message.Subject;
import io.qmq.domain.message.Tags;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention of the file message log with a clock the test moves: expired and over-cap segments go
 * (oldest first, never the active one), consume-log chunks pointing only into them go too, reads of
 * older sequences start at the oldest retained message, and a reopen after a deletion (or in the middle
 * of one) serves exactly what is left.
 */
class RetentionTest {

    private static final long SEGMENT_BYTES = 4096;
    private static final int ENTRIES_PER_FILE = 4;
    private static final Duration MAX_AGE = Duration.ofHours(72);
    private static final Duration NEVER = Duration.ofDays(365);

    @TempDir
    Path dataDir;

    private final Subject early = Subject.of("early-" + UUID.randomUUID());
    private final Subject steady = Subject.of("steady-" + UUID.randomUUID());
    private final MovableClock clock = new MovableClock(Instant.now());
    private final RecordingMetrics metrics = new RecordingMetrics();

    @Test
    void segmentsOlderThanTheRetentionGoButNeverTheActiveOneAndReadsStartAtTheOldest() throws IOException {
        List<StoredMessage> steadyStored = fillSeveralSegments();
        clock.advance(MAX_AGE.plusMinutes(1));

        try (FileMessageLog log = open(new RetentionPolicy(MAX_AGE, 0, NEVER))) {
            assertThat(segmentFiles()).hasSize(1);
            assertThat(log.sweepRetention().segmentsDeleted()).isZero();
            List<StoredMessage> read = log.read(steady, 0, 1000, Integer.MAX_VALUE);
            assertThat(read).isNotEmpty();
            long oldest = read.get(0).sequence();
            assertThat(oldest).isPositive();
            assertThat(read).containsExactlyElementsOf(steadyStored.subList((int) oldest, steadyStored.size()));
            assertThat(metrics.skipped).hasValue(oldest);
            assertThat(log.read(early, 0, 1000, Integer.MAX_VALUE)).isEmpty();
            assertThat(log.endSequence(early)).isEqualTo(5);
        }
    }

    @Test
    void segmentsYoungerThanTheRetentionStayAndZeroKeepsForever() throws IOException {
        fillSeveralSegments();
        int before = segmentFiles().size();
        clock.advance(MAX_AGE.minusMinutes(1));
        try (FileMessageLog log = open(new RetentionPolicy(MAX_AGE, 0, NEVER))) {
            assertThat(log.sweepRetention().segmentsDeleted()).isZero();
        }
        clock.advance(Duration.ofDays(1000));
        try (FileMessageLog log = open(RetentionPolicy.KEEP_FOREVER)) {
            assertThat(log.sweepRetention().segmentsDeleted()).isZero();
            assertThat(log.read(early, 0, 1000, Integer.MAX_VALUE)).hasSize(5);
        }
        assertThat(segmentFiles()).hasSize(before);
    }

    @Test
    void segmentsTheLastCheckpointsReplayFromStayUntilACheckpointPassesThem() throws IOException {
        try (FileMessageLog log = open(new RetentionPolicy(MAX_AGE, 0, NEVER))) {
            append(log, steady, 40);
            int written = segmentFiles().size();
            clock.advance(MAX_AGE.plusMinutes(1));

            assertThat(log.sweepRetention().segmentsDeleted()).isZero();
            assertThat(segmentFiles()).hasSize(written);
        }
        try (FileMessageLog log = open(new RetentionPolicy(MAX_AGE, 0, NEVER))) {
            assertThat(segmentFiles()).hasSize(1);
        }
    }

    @Test
    void theSizeCapDeletesTheOldestSegmentsFirst() throws IOException {
        fillSeveralSegments();
        List<Path> before = segmentFiles();
        assertThat(before.size()).isGreaterThan(3);
        try (FileMessageLog log = open(new RetentionPolicy(Duration.ZERO, 2 * SEGMENT_BYTES, NEVER))) {
            List<Path> after = segmentFiles();
            assertThat(after).containsExactlyElementsOf(before.subList(before.size() - after.size(), before.size()));
            assertThat(log.sweepRetention().bytesOnDisk()).isLessThanOrEqualTo(2 * SEGMENT_BYTES);
            assertThat(metrics.segmentsDeleted).hasValue(before.size() - after.size());
            assertThat(metrics.bytesOnDisk).hasValue(after.stream().mapToLong(RetentionTest::size).sum());
        }
    }

    @Test
    void consumeLogChunksPointingOnlyIntoDeletedSegmentsAreDeleted() throws IOException {
        fillSeveralSegments();
        long chunksBefore = indexFiles();
        clock.advance(MAX_AGE.plusMinutes(1));
        try (FileMessageLog log = open(new RetentionPolicy(MAX_AGE, 0, NEVER))) {
            long oldest = log.read(steady, 0, 1, Integer.MAX_VALUE).get(0).sequence();
            long keptSteadyChunks = (log.endSequence(steady) - 1) / ENTRIES_PER_FILE - (oldest - 1) / ENTRIES_PER_FILE + 1;
            assertThat(indexFiles()).isLessThan(chunksBefore).isEqualTo(keptSteadyChunks + 1);
        }
    }

    @Test
    void aReopenAfterDeletionContinuesEverySequenceAndServesWhatIsLeft() throws IOException {
        List<StoredMessage> steadyStored = fillSeveralSegments();
        clock.advance(MAX_AGE.plusMinutes(1));
        try (FileMessageLog log = open(new RetentionPolicy(MAX_AGE, 0, NEVER))) {
            steadyStored.addAll(append(log, steady, 3));
            assertThat(append(log, early, 1).get(0).sequence()).isEqualTo(5);
        }
        try (FileMessageLog log = open(new RetentionPolicy(MAX_AGE, 0, NEVER))) {
            List<StoredMessage> read = log.read(steady, 0, 1000, Integer.MAX_VALUE);
            assertThat(read).containsExactlyElementsOf(steadyStored.subList((int) read.get(0).sequence(), steadyStored.size()));
            assertThat(log.read(early, 0, 1000, Integer.MAX_VALUE)).extracting(StoredMessage::sequence).containsExactly(5L);
            assertThat(append(log, steady, 1).get(0).sequence()).isEqualTo(steadyStored.size());
        }
    }

    @Test
    void aKillAfterSegmentsWereDeletedButBeforeTheirChunksWereFinishesTheJobAtOpen() throws IOException {
        List<StoredMessage> steadyStored = fillSeveralSegments();
        long chunksBefore = indexFiles();
        List<Path> segments = segmentFiles();
        for (Path old : segments.subList(0, segments.size() - 2)) {
            Files.delete(old); // what a sweep killed between its steps (2) and (3) leaves behind
        }
        try (FileMessageLog log = open(RetentionPolicy.KEEP_FOREVER)) {
            List<StoredMessage> read = log.read(steady, 0, 1000, Integer.MAX_VALUE);
            assertThat(read.get(0).sequence()).isPositive();
            assertThat(read).containsExactlyElementsOf(steadyStored.subList((int) read.get(0).sequence(), steadyStored.size()));
            assertThat(log.read(early, 0, 1000, Integer.MAX_VALUE)).isEmpty();
            assertThat(indexFiles()).isLessThan(chunksBefore);
        }
    }

    /** Five messages of {@code early}, then enough of {@code steady} to fill several segments. */
    private List<StoredMessage> fillSeveralSegments() throws IOException {
        List<StoredMessage> steadyStored = new ArrayList<>();
        try (FileMessageLog log = open(RetentionPolicy.KEEP_FOREVER)) {
            append(log, early, 5);
            steadyStored.addAll(append(log, steady, 40));
        }
        assertThat(segmentFiles().size()).isGreaterThan(3);
        return steadyStored;
    }

    private FileMessageLog open(RetentionPolicy policy) {
        FileStoreConfig config = FileStoreConfig.defaults(dataDir).withSegmentBytes(SEGMENT_BYTES)
                .withRetention(policy).withIndexEntriesPerFile(ENTRIES_PER_FILE);
        return FileMessageLog.open(config, clock, metrics);
    }

    private static List<StoredMessage> append(FileMessageLog log, Subject subject, int count) {
        List<StoredMessage> stored = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Message message = new Message(subject, MessageId.of("id-" + UUID.randomUUID()), Tags.of("t"),
                    MessageFlags.of(false, true), 1_000L, 0, new byte[400]);
            stored.addAll(log.append(List.of(message)).orTimeout(10, TimeUnit.SECONDS).join());
        }
        return stored;
    }

    private List<Path> segmentFiles() throws IOException {
        try (Stream<Path> files = Files.list(dataDir.resolve("messages"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".log")).sorted().toList();
        }
    }

    private long indexFiles() throws IOException {
        try (Stream<Path> files = Files.list(dataDir.resolve("index"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".idx")).count();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    /** Keeps what retention reported. */
    static final class RecordingMetrics implements BrokerMetrics {
        final AtomicLong skipped = new AtomicLong();
        final AtomicLong segmentsDeleted = new AtomicLong();
        final AtomicLong bytesOnDisk = new AtomicLong();

        @Override
        public void messageLogSwept(long bytes, int segments, long bytesDeleted) {
            bytesOnDisk.set(bytes);
            segmentsDeleted.addAndGet(segments);
        }

        @Override
        public void expiredMessagesSkipped(Subject subject, long count) {
            skipped.addAndGet(count);
        }

        @Override
        public void messagesStored(Subject subject, int count, long bytes) {
        }

        @Override
        public void appendCompleted(Duration latency) {
        }

        @Override
        public void messageRefused(Subject subject, SendStatus status) {
        }

        @Override
        public void pullServed(Subscription subscription, int messages, long bytes) {
        }

        @Override
        public void messagesAcked(Subscription subscription, long count) {
        }

        @Override
        public void messagesRedelivered(Subscription subscription, long count) {
        }
    }
}

package io.qmq.adapters.filestore;

import static org.assertj.core.api.Assertions.assertThat;

import io.qmq.domain.consumer.Consumer;
import io.qmq.domain.consumer.ConsumerGroup;
import io.qmq.domain.consumer.ConsumerId;
import io.qmq.domain.consumer.ConsumerProgress;
import io.qmq.domain.consumer.SequenceRange;
import io.qmq.domain.consumer.Subscription;
import io.qmq.domain.message.Subject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pull log rebuilt from its action log: with no snapshot at all, after a torn last action, and
 * from a snapshot plus the actions after it.
 */
class PullLogRecoveryTest {

    @TempDir
    Path dataDir;

    private final Subscription subscription = new Subscription(Subject.of("subject-" + UUID.randomUUID()), ConsumerGroup.of("group"));
    private final Consumer consumer = new Consumer(subscription, ConsumerId.of("host@@" + UUID.randomUUID()));

    @Test
    void replaysTheWholeActionLogWithoutSnapshots() throws IOException {
        try (FilePullLog log = open()) {
            pullAndAckSome(log);
        }
        deleteSnapshots();

        try (FilePullLog log = open()) {
            assertThat(log.cursor(subscription)).hasValue(60);
            assertThat(log.progress(consumer)).isEqualTo(new ConsumerProgress(29, 19));
            assertThat(log.subjectSequences(consumer, SequenceRange.of(19, 21))).containsExactly(-1, 40, 42);
        }
    }

    @Test
    void cutsATornLastActionAndKeepsEverythingBefore() throws IOException {
        long beforeLast;
        try (FilePullLog log = open()) {
            pullAndAckSome(log);
            beforeLast = Files.size(lastSegment());
            log.recordAck(consumer, SequenceRange.of(20, 25));
        }
        deleteSnapshots();
        try (FileChannel channel = FileChannel.open(lastSegment(), StandardOpenOption.WRITE)) {
            channel.truncate(Files.size(lastSegment()) - 3);
        }

        try (FilePullLog log = open()) {
            assertThat(log.progress(consumer)).isEqualTo(new ConsumerProgress(29, 19));
            assertThat(Files.size(lastSegment())).isEqualTo(beforeLast);
            log.recordAck(consumer, SequenceRange.of(20, 22));
        }
        try (FilePullLog log = open()) {
            assertThat(log.progress(consumer)).isEqualTo(new ConsumerProgress(29, 22));
            assertThat(log.subjectSequences(consumer, SequenceRange.of(22, 23))).containsExactly(-1, 46);
        }
    }

    @Test
    void garbageAfterTheLastActionIsCut() throws IOException {
        try (FilePullLog log = open()) {
            pullAndAckSome(log);
        }
        long intact = Files.size(lastSegment());
        try (FileChannel channel = FileChannel.open(lastSegment(), StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {0, 0, 0, 9, 1, 2, 3, 4, 5, 6}), intact);
        }

        try (FilePullLog log = open()) {
            assertThat(log.progress(consumer)).isEqualTo(new ConsumerProgress(29, 19));
            assertThat(Files.size(lastSegment())).isEqualTo(intact);
        }
    }

    @Test
    void aSnapshotAheadOfACutLogStillCountsAndLaterActionsFollowIt() throws IOException {
        try (FilePullLog log = open()) {
            pullAndAckSome(log);
        }
        try (FileChannel channel = FileChannel.open(lastSegment(), StandardOpenOption.WRITE)) {
            channel.truncate(Files.size(lastSegment()) / 2);
        }

        try (FilePullLog log = open()) {
            assertThat(log.progress(consumer)).isEqualTo(new ConsumerProgress(29, 19));
            log.recordAck(consumer, SequenceRange.of(20, 24));
        }
        try (FilePullLog log = open()) {
            assertThat(log.progress(consumer)).isEqualTo(new ConsumerProgress(29, 24));
            assertThat(log.cursor(subscription)).hasValue(60);
        }
    }

    /** 30 pulls of one even subject sequence each (cursor ends at 60), the first 20 acknowledged. */
    private void pullAndAckSome(FilePullLog log) {
        log.openCursor(subscription, 0);
        for (int i = 0; i < 30; i++) {
            log.recordPull(consumer, i, new long[] {2L * i}, 2L * i + 2);
        }
        log.recordAck(consumer, SequenceRange.of(0, 9));
        log.recordAck(consumer, SequenceRange.of(10, 19));
    }

    private FilePullLog open() {
        return FilePullLog.open(FileStoreConfig.defaults(dataDir).withSegmentBytes(1024 * 1024));
    }

    private Path lastSegment() throws IOException {
        try (Stream<Path> files = Files.list(dataDir.resolve("pulls"))) {
            return files.filter(f -> f.toString().endsWith(".log")).max(Comparator.naturalOrder()).orElseThrow();
        }
    }

    private void deleteSnapshots() throws IOException {
        try (Stream<Path> files = Files.list(dataDir.resolve("pulls"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".snap")).toList()) {
                Files.delete(file);
            }
        }
    }
}

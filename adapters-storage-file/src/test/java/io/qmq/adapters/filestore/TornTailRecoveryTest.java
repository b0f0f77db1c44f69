package io.qmq.adapters.filestore;

import static org.assertj.core.api.Assertions.assertThat;

import io.qmq.domain.message.Message;
import io.qmq.domain.message.MessageFlags;
import io.qmq.domain.message.MessageId;
import io.qmq.domain.message.StoredMessage;
import io.qmq.domain.message.Subject;
import io.qmq.domain.message.Tags;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Damages the tail of the last message-log segment the ways a crash or a disk can, then reopens: every
 * complete record before the damage survives, nothing from the damage on is served, and new appends
 * continue each subject's sequence.
 */
class TornTailRecoveryTest {

    @TempDir
    Path dataDir;

    private final Subject first = Subject.of("subject-" + UUID.randomUUID());
    private final Subject second = Subject.of("subject-" + UUID.randomUUID());

    enum Damage {
        PARTIAL_RECORD(false), PARTIAL_HEADER(false), FLIPPED_BYTE(false), IMPOSSIBLE_LENGTH(false),
        GARBAGE_APPENDED(true), ZEROS_APPENDED(true);

        final boolean lastSurvives;

        Damage(boolean lastSurvives) {
            this.lastSurvives = lastSurvives;
        }
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void recoversEveryCompleteRecordBeforeTheDamage(Damage damage) throws IOException {
        List<StoredMessage> kept;
        StoredMessage last;
        long lastStart;
        long lastEnd;
        try (FileMessageLog log = open(4096)) {
            kept = appendSome(log, 30);
            lastStart = totalLogBytes();
            last = append(log, message(second, 300)).get(0);
            lastEnd = totalLogBytes();
        }

        damage(lastSegment(), damage, lastStart - lastSegmentBase(), lastEnd - lastSegmentBase());

        List<StoredMessage> expectedSecond = new ArrayList<>(ofSubject(kept, second));
        if (damage.lastSurvives) {
            expectedSecond.add(last);
        }
        try (FileMessageLog log = open(4096)) {
            assertThat(log.read(first, 0, 1000, Integer.MAX_VALUE)).containsExactlyElementsOf(ofSubject(kept, first));
            assertThat(log.read(second, 0, 1000, Integer.MAX_VALUE)).containsExactlyElementsOf(expectedSecond);
            assertThat(log.endSequence(second)).isEqualTo(expectedSecond.size());
            assertThat(totalLogBytes()).isEqualTo(damage.lastSurvives ? lastEnd : lastStart);

            StoredMessage next = append(log, message(second, 50)).get(0);
            assertThat(next.sequence()).isEqualTo(expectedSecond.size());
            expectedSecond.add(next);
        }
        try (FileMessageLog log = open(4096)) {
            assertThat(log.read(second, 0, 1000, Integer.MAX_VALUE)).containsExactlyElementsOf(expectedSecond);
        }
    }

    @Test
    void rebuildsTheConsumeLogsFromTheMessageLogWhenTheyAreLost() throws IOException {
        List<StoredMessage> stored;
        try (FileMessageLog log = open(4096)) {
            stored = appendSome(log, 40);
        }
        deleteRecursively(dataDir.resolve("index"));

        try (FileMessageLog log = open(4096)) {
            assertThat(log.read(first, 0, 1000, Integer.MAX_VALUE)).containsExactlyElementsOf(ofSubject(stored, first));
            assertThat(log.read(second, 0, 1000, Integer.MAX_VALUE)).containsExactlyElementsOf(ofSubject(stored, second));
            assertThat(log.subjects()).contains(first, second);
        }
    }

    @Test
    void replaysWhatCameAfterAnOldCheckpoint() throws IOException {
        List<StoredMessage> stored;
        try (FileMessageLog log = open(4096)) {
            stored = new ArrayList<>(appendSome(log, 10));
        }
        Path oldCheckpoints = Files.createDirectories(dataDir.resolve("old"));
        copyCheckpoints(dataDir.resolve("index"), oldCheckpoints);
        try (FileMessageLog log = open(4096)) {
            stored.addAll(appendSome(log, 25));
        }
        deleteCheckpoints(dataDir.resolve("index"));
        copyCheckpoints(oldCheckpoints, dataDir.resolve("index"));

        try (FileMessageLog log = open(4096)) {
            assertThat(log.read(first, 0, 1000, Integer.MAX_VALUE)).containsExactlyElementsOf(ofSubject(stored, first));
            assertThat(log.read(second, 0, 1000, Integer.MAX_VALUE)).containsExactlyElementsOf(ofSubject(stored, second));
        }
    }

    private FileMessageLog open(long segmentBytes) {
        return FileMessageLog.open(FileStoreConfig.defaults(dataDir).withSegmentBytes(segmentBytes), Clock.systemUTC());
    }

    private List<StoredMessage> appendSome(FileMessageLog log, int count) {
        List<StoredMessage> stored = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            stored.addAll(append(log, message(i % 3 == 0 ? first : second, 100 + i * 7)));
        }
        return stored;
    }

    private static List<StoredMessage> append(FileMessageLog log, Message message) {
        return log.append(List.of(message)).orTimeout(10, TimeUnit.SECONDS).join();
    }

    private static Message message(Subject subject, int size) {
        byte[] encoded = new byte[size];
        new java.util.Random(size).nextBytes(encoded);
        return new Message(subject, MessageId.of("id-" + UUID.randomUUID()), Tags.of("t"), MessageFlags.of(false, true),
                1_000L, 0, encoded);
    }

    private static List<StoredMessage> ofSubject(List<StoredMessage> stored, Subject subject) {
        return stored.stream().filter(m -> m.message().subject().equals(subject)).toList();
    }

    private static void damage(Path segment, Damage damage, long recordStart, long recordEnd) throws IOException {
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
            switch (damage) {
                case PARTIAL_RECORD -> channel.truncate((recordStart + recordEnd) / 2);
                case PARTIAL_HEADER -> channel.truncate(recordStart + 5);
                case FLIPPED_BYTE -> flip(channel, (recordStart + recordEnd) / 2);
                case IMPOSSIBLE_LENGTH -> channel.write(ByteBuffer.allocate(4).putInt(0, Integer.MAX_VALUE), recordStart);
                case GARBAGE_APPENDED -> {
                    byte[] garbage = new byte[37];
                    new java.util.Random(7).nextBytes(garbage);
                    channel.write(ByteBuffer.wrap(garbage), recordEnd);
                }
                case ZEROS_APPENDED -> channel.write(ByteBuffer.allocate(4096), recordEnd);
            }
        }
    }

    private static void flip(FileChannel channel, long at) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        channel.read(one, at);
        channel.write(ByteBuffer.allocate(1).put(0, (byte) (one.get(0) ^ 0x5A)), at);
    }

    private Path lastSegment() throws IOException {
        try (Stream<Path> files = Files.list(dataDir.resolve("messages"))) {
            return files.filter(f -> f.toString().endsWith(".log")).max(Comparator.naturalOrder()).orElseThrow();
        }
    }

    private long lastSegmentBase() throws IOException {
        String name = lastSegment().getFileName().toString();
        return Long.parseLong(name.substring(0, name.length() - ".log".length()));
    }

    private long totalLogBytes() throws IOException {
        return lastSegmentBase() + Files.size(lastSegment());
    }

    private static void copyCheckpoints(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".snap")).toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    private static void deleteCheckpoints(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".snap")).toList()) {
                Files.delete(file);
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}

package io.qmq.adapters.filestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qmq.application.port.out.LogChunk;
import io.qmq.application.port.out.ReplicaChunkException;
import io.qmq.application.port.out.ReplicaDivergedException;
import io.qmq.application.port.out.ReplicaLog;
import io.qmq.application.port.out.ReplicaMark;
import io.qmq.application.port.out.ReplicationSource;
import io.qmq.domain.message.Message;
import io.qmq.domain.message.MessageFlags;
import io.qmq.domain.message.MessageId;
import io.qmq.domain.message.StoredMessage;
import io.qmq.domain.message.Subject;
import io.qmq.domain.message.Tags;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A slave's copy of the file message log, fed chunk by chunk from the master's log as the replication
 * protocol does: same bytes at the same positions, the same messages served, resumption after a restart,
 * promotion, and refusal of damaged chunks and of copies that diverged from their master.
 */
class ReplicationTest {

    private static final long SEGMENT_BYTES = 4096;
    private static final int CHUNK_BYTES = 1000;

    @TempDir
    Path masterDir;
    @TempDir
    Path slaveDir;
    @TempDir
    Path otherDir;

    private final Subject first = Subject.of("subject-" + UUID.randomUUID());
    private final Subject second = Subject.of("subject-" + UUID.randomUUID());

    @Test
    void theCopyHoldsTheMastersBytesAtTheSamePositionsAndServesTheSameMessages() {
        try (FileMessageLog master = open(masterDir); FileMessageLog slave = open(slaveDir)) {
            List<StoredMessage> stored = appendSome(master, 40, 1);
            stored.addAll(append(master, message(first, 3 * CHUNK_BYTES)));

            copyAll(master.replicationSource(), slave.replicaLog());

            assertThat(allBytes(slave)).isEqualTo(allBytes(master));
            assertThat(slave.read(first, 0, 1000, Integer.MAX_VALUE)).containsExactlyElementsOf(ofSubject(stored, first));
            assertThat(slave.read(second, 0, 1000, Integer.MAX_VALUE)).containsExactlyElementsOf(ofSubject(stored, second));
            assertThat(slave.endSequence(first)).isEqualTo(master.endSequence(first));
        }
    }

    @Test
    void aRestartedSlaveResumesFromItsOwnEndAndAPromotedOneContinuesEverySequence() {
        try (FileMessageLog master = open(masterDir)) {
            appendSome(master, 20, 1);
            try (FileMessageLog slave = open(slaveDir)) {
                copyAll(master.replicationSource(), slave.replicaLog());
            }
            appendSome(master, 20, 2);
            try (FileMessageLog slave = open(slaveDir)) {
                ReplicaLog replica = slave.replicaLog();
                master.replicationSource().verify(replica.mark());
                copyAll(master.replicationSource(), replica);
                assertThat(allBytes(slave)).isEqualTo(allBytes(master));
            }
        }
        try (FileMessageLog promoted = open(slaveDir)) {
            long before = promoted.endSequence(second);
            StoredMessage next = append(promoted, message(second, 70)).get(0);
            assertThat(next.sequence()).isEqualTo(before);
            assertThat(promoted.read(second, before, 10, Integer.MAX_VALUE)).containsExactly(next);
        }
    }

    @Test
    void aDamagedOrTruncatedOrMisplacedChunkIsRefusedAndNothingOfItWritten() {
        try (FileMessageLog master = open(masterDir); FileMessageLog slave = open(slaveDir)) {
            appendSome(master, 10, 1);
            ReplicaLog replica = slave.replicaLog();
            LogChunk chunk = read(master.replicationSource(), 0);
            byte[] flipped = chunk.bytes().clone();
            flipped[flipped.length / 2] ^= 0x40;
            byte[] truncated = Arrays.copyOf(chunk.bytes(), chunk.bytes().length - 5);

            assertRefused(replica, new LogChunk(0, flipped, chunk.masterEnd()));
            assertRefused(replica, new LogChunk(0, truncated, chunk.masterEnd()));
            assertRefused(replica, new LogChunk(1, chunk.bytes(), chunk.masterEnd() + 1));
            assertThat(replica.mark()).isEqualTo(ReplicaMark.empty());

            assertThat(replica.append(chunk).join().end()).isEqualTo(chunk.end());
        }
    }

    @Test
    void aSlaveLongerThanItsMasterOrWithAnotherLastRecordHasDiverged() {
        try (FileMessageLog master = open(masterDir); FileMessageLog other = open(otherDir);
             FileMessageLog slave = open(slaveDir)) {
            appendSome(master, 10, 1);
            appendSome(other, 10, 1);
            ReplicaLog replica = slave.replicaLog();
            copyAll(master.replicationSource(), replica);
            append(other, message(first, 10));

            assertThatThrownBy(() -> other.replicationSource().verify(replica.mark()))
                    .isInstanceOf(ReplicaDivergedException.class).hasMessageContaining("diverged");
            try (FileMessageLog shorter = open(masterDir.resolve("shorter"))) {
                appendSome(shorter, 3, 1);
                assertThatThrownBy(() -> shorter.replicationSource().verify(replica.mark()))
                        .isInstanceOf(ReplicaDivergedException.class).hasMessageContaining("past the master's end");
            }
            master.replicationSource().verify(replica.mark());
        }
    }

    @Test
    void aReadAtTheEndWaitsForTheNextCommit() throws Exception {
        try (FileMessageLog master = open(masterDir)) {
            appendSome(master, 3, 1);
            ReplicationSource source = master.replicationSource();
            long end = source.committedEnd();
            assertThat(source.read(end, CHUNK_BYTES, Duration.ofMillis(20)).isEmpty()).isTrue();

            CompletableFuture<LogChunk> waiting = CompletableFuture.supplyAsync(() -> read(source, end, Duration.ofSeconds(30)));
            append(master, message(first, 50));

            LogChunk chunk = waiting.get(10, TimeUnit.SECONDS);
            assertThat(chunk.position()).isEqualTo(end);
            assertThat(chunk.end()).isEqualTo(source.committedEnd());
        }
    }

    private static void assertRefused(ReplicaLog replica, LogChunk chunk) {
        assertThatThrownBy(() -> replica.append(chunk).join())
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(ReplicaChunkException.class);
    }

    /** What the replication client does, without the network. */
    private static void copyAll(ReplicationSource source, ReplicaLog replica) {
        source.verify(replica.mark());
        LogChunk chunk = read(source, replica.mark().end());
        while (!chunk.isEmpty()) {
            assertThat(chunk.bytes().length).isLessThanOrEqualTo(Math.max(CHUNK_BYTES, 3 * CHUNK_BYTES + 200));
            replica.append(chunk).orTimeout(10, TimeUnit.SECONDS).join();
            chunk = read(source, replica.mark().end());
        }
    }

    private static LogChunk read(ReplicationSource source, long position) {
        return read(source, position, Duration.ZERO);
    }

    private static LogChunk read(ReplicationSource source, long position, Duration wait) {
        try {
            return source.read(position, CHUNK_BYTES, wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] allBytes(FileMessageLog log) {
        ReplicationSource source = log.replicationSource();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        LogChunk chunk = read(source, 0);
        while (!chunk.isEmpty()) {
            all.writeBytes(chunk.bytes());
            chunk = read(source, chunk.end());
        }
        return all.toByteArray();
    }

    private static FileMessageLog open(Path dir) {
        return FileMessageLog.open(FileStoreConfig.defaults(dir).withSegmentBytes(SEGMENT_BYTES), Clock.systemUTC());
    }

    private List<StoredMessage> appendSome(FileMessageLog log, int count, int seed) {
        List<StoredMessage> stored = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            stored.addAll(append(log, message(i % 3 == 0 ? first : second, 60 + (i * 37 + seed) % 400)));
        }
        return stored;
    }

    private static List<StoredMessage> append(FileMessageLog log, Message message) {
        return new ArrayList<>(log.append(List.of(message)).orTimeout(10, TimeUnit.SECONDS).join());
    }

    private static Message message(Subject subject, int size) {
        byte[] encoded = new byte[size];
        new Random(size).nextBytes(encoded);
        return new Message(subject, MessageId.of("id-" + UUID.randomUUID()), Tags.of("t"), MessageFlags.of(false, true),
                1_000L, 0, encoded);
    }

    private static List<StoredMessage> ofSubject(List<StoredMessage> stored, Subject subject) {
        return stored.stream().filter(m -> m.message().subject().equals(subject)).toList();
    }
}

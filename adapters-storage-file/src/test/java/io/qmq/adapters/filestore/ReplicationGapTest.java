package io.qmq.adapters.filestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qmq.adapters.filestore.retention.RetentionPolicy;
import io.qmq.application.port.out.LogChunk;
import io.qmq.application.port.out.ReplicaDivergedException;
import io.qmq.application.port.out.ReplicaLog;
import io.qmq.application.port.out.ReplicationSource;
import io.qmq.domain.message.Message;
import io.qmq.domain.message.MessageFlags;
import io.qmq.domain.message.MessageId;
import io.qmq.domain.message.Subject;
import io.qmq.domain.message.Tags;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A slave that needs bytes its master's retention already deleted is refused for good, the gap named,
 * never served the bytes after it; a slave that kept up is unaffected, and applies its own retention.
 */
class ReplicationGapTest {

    private static final long SEGMENT_BYTES = 4096;
    private static final Duration MAX_AGE = Duration.ofHours(72);
    private static final Duration NEVER = Duration.ofDays(365);

    @TempDir
    Path masterDir;
    @TempDir
    Path slaveDir;

    private final Subject subject = Subject.of("subject-" + UUID.randomUUID());
    private final RetentionTest.MovableClock clock = new RetentionTest.MovableClock(Instant.now());

    @Test
    void aSlaveBehindTheMastersOldestSegmentIsRefusedNamingTheGap() throws IOException {
        try (FileMessageLog master = open(masterDir)) {
            append(master, 30);
        }
        clock.advance(MAX_AGE.plusMinutes(1));
        try (FileMessageLog master = open(masterDir); FileMessageLog slave = open(slaveDir)) {
            long start = firstSegmentBase(masterDir);
            assertThat(start).isPositive();
            ReplicationSource source = master.replicationSource();

            assertThatThrownBy(() -> source.verify(slave.replicaLog().mark()))
                    .isInstanceOf(ReplicaDivergedException.class)
                    .hasMessageContaining("[0, " + start + ")").hasMessageContaining("retention");
            assertThatThrownBy(() -> source.read(0, 1000, Duration.ZERO))
                    .isInstanceOf(ReplicaDivergedException.class).hasMessageContaining("[0, " + start + ")");
        }
    }

    @Test
    void aSlaveThatKeptUpCarriesOnAndDeletesItsOwnOldSegments() throws Exception {
        try (FileMessageLog slave = open(slaveDir)) {
            ReplicaLog replica = slave.replicaLog();
            try (FileMessageLog master = open(masterDir)) {
                append(master, 30);
                copyAll(master.replicationSource(), replica);
            }
            clock.advance(MAX_AGE.plusMinutes(1));
            try (FileMessageLog master = open(masterDir)) {
                assertThat(firstSegmentBase(masterDir)).isPositive();
                append(master, 5);
                copyAll(master.replicationSource(), replica);
                assertThat(replica.mark().end()).isEqualTo(master.replicationSource().committedEnd());
            }
            assertThat(slave.endSequence(subject)).isEqualTo(35);
            assertThat(firstSegmentBase(slaveDir)).isZero();
        }
        try (FileMessageLog slave = open(slaveDir)) {
            assertThat(firstSegmentBase(slaveDir)).isPositive();
            assertThat(slave.read(subject, 0, 100, Integer.MAX_VALUE).get(0).sequence()).isPositive();
        }
    }

    private static long firstSegmentBase(Path dataDir) throws IOException {
        try (Stream<Path> files = Files.list(dataDir.resolve("messages"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".log"))
                    .mapToLong(n -> Long.parseLong(n.substring(0, n.length() - ".log".length()))).min().orElseThrow();
        }
    }

    private static void copyAll(ReplicationSource source, ReplicaLog replica) throws InterruptedException {
        source.verify(replica.mark());
        LogChunk chunk = source.read(replica.mark().end(), 1000, Duration.ZERO);
        while (!chunk.isEmpty()) {
            replica.append(chunk).orTimeout(10, TimeUnit.SECONDS).join();
            chunk = source.read(replica.mark().end(), 1000, Duration.ZERO);
        }
    }

    private FileMessageLog open(Path dir) {
        return FileMessageLog.open(FileStoreConfig.defaults(dir).withSegmentBytes(SEGMENT_BYTES)
                .withRetention(new RetentionPolicy(MAX_AGE, 0, NEVER)), clock);
    }

    private void append(FileMessageLog log, int count) {
        for (int i = 0; i < count; i++) {
            Message message = new Message(subject, MessageId.of("id-" + UUID.randomUUID()), Tags.of("t"),
                    MessageFlags.of(false, true), 1_000L, 0, new byte[400]);
            log.append(List.of(message)).orTimeout(10, TimeUnit.SECONDS).join();
        }
    }
}

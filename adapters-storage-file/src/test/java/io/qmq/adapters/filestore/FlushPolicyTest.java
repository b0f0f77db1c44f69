package io.qmq.adapters.filestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.qmq.domain.message.Message;
import io.qmq.domain.message.MessageFlags;
import io.qmq.domain.message.MessageId;
import io.qmq.domain.message.Subject;
import io.qmq.domain.message.Tags;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flush policy decides when an append's future completes: {@code sync} only after the log was
 * forced past the batch, {@code async} at once, with a background force following.
 */
class FlushPolicyTest {

    private static final Duration NEVER = Duration.ofHours(1);

    @TempDir
    Path dataDir;

    private final Subject subject = Subject.of("subject-" + UUID.randomUUID());

    @Test
    void syncCompletesAnAppendOnlyAfterTheLogIsForcedPastIt() throws IOException {
        try (FileMessageLog log = FileMessageLog.open(config(FlushPolicy.SYNC, NEVER), Clock.systemUTC())) {
            for (int i = 0; i < 20; i++) {
                long forcedAtCompletion = log.append(List.of(message())).thenApply(stored -> log.forcedPosition())
                        .orTimeout(10, TimeUnit.SECONDS).join();

                assertThat(forcedAtCompletion).isEqualTo(segmentBytes());
            }
        }
    }

    @Test
    void syncCommitsConcurrentAppendsTogether() {
        try (FileMessageLog log = FileMessageLog.open(config(FlushPolicy.SYNC, NEVER), Clock.systemUTC())) {
            List<CompletableFuture<Long>> appends = java.util.stream.IntStream.range(0, 200)
                    .mapToObj(i -> log.append(List.of(message())).thenApply(stored -> log.forcedPosition()))
                    .toList();

            CompletableFuture.allOf(appends.toArray(CompletableFuture[]::new)).orTimeout(10, TimeUnit.SECONDS).join();
            assertThat(log.endSequence(subject)).isEqualTo(200);
            assertThat(appends).allSatisfy(f -> assertThat(f.join()).isPositive());
        }
    }

    @Test
    void asyncCompletesBeforeTheForceAndForcesInTheBackground() throws IOException {
        try (FileMessageLog log = FileMessageLog.open(config(FlushPolicy.ASYNC, Duration.ofMillis(20)), Clock.systemUTC())) {
            long forcedAtCompletion = log.append(List.of(message())).thenApply(stored -> log.forcedPosition())
                    .orTimeout(10, TimeUnit.SECONDS).join();

            assertThat(forcedAtCompletion).isLessThan(segmentBytes());
            long written = segmentBytes();
            await().atMost(Duration.ofSeconds(5)).until(() -> log.forcedPosition() >= written);
        }
    }

    private FileStoreConfig config(FlushPolicy policy, Duration flushInterval) {
        FileStoreConfig defaults = FileStoreConfig.defaults(dataDir);
        return new FileStoreConfig(dataDir, policy, flushInterval, defaults.segmentBytes(), defaults.ringSize(), NEVER,
                defaults.maxOpenIndexFiles(), defaults.pullSegmentBytes());
    }

    private long segmentBytes() throws IOException {
        return Files.size(dataDir.resolve("messages/00000000000000000000.log"));
    }

    private Message message() {
        return new Message(subject, MessageId.of("id-" + UUID.randomUUID()), Tags.NONE, MessageFlags.of(false, false),
                1L, 0, new byte[512]);
    }
}

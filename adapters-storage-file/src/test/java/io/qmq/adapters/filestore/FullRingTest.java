package io.qmq.adapters.filestore;

import static org.assertj.core.api.Assertions.assertThat;

import io.qmq.application.port.out.MessageLogException;
import io.qmq.domain.message.Message;
import io.qmq.domain.message.MessageFlags;
import io.qmq.domain.message.MessageId;
import io.qmq.domain.message.StoredMessage;
import io.qmq.domain.message.Subject;
import io.qmq.domain.message.Tags;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A full append ring refuses at once instead of blocking the caller; what it took still completes. */
class FullRingTest {

    private static final int RING_SIZE = 4;

    @TempDir
    Path dataDir;

    /** A clock the writer reads once per batch; armed, it holds the writer until released. */
    private static final class HoldingClock extends Clock {
        final CountDownLatch held = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean armed;

        @Override
        public long millis() {
            if (armed) {
                held.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return 1_000L;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Test
    void aFullRingFailsAppendsAtOnceAndCompletesWhatItTook() throws InterruptedException {
        Subject subject = Subject.of("subject-" + UUID.randomUUID());
        HoldingClock clock = new HoldingClock();
        FileStoreConfig defaults = FileStoreConfig.defaults(dataDir);
        FileStoreConfig config = new FileStoreConfig(dataDir, FlushPolicy.ASYNC, defaults.flushInterval(), defaults.segmentBytes(),
                RING_SIZE, Duration.ofHours(1), defaults.maxOpenIndexFiles(), defaults.pullSegmentBytes());
        try (FileMessageLog log = FileMessageLog.open(config, clock)) {
            clock.armed = true;
            List<CompletableFuture<List<StoredMessage>>> taken = new ArrayList<>();
            taken.add(log.append(List.of(message(subject))));
            assertThat(clock.held.await(10, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<List<StoredMessage>> refused = null;
            for (int i = 0; i < 2 * RING_SIZE && refused == null; i++) {
                CompletableFuture<List<StoredMessage>> next = log.append(List.of(message(subject)));
                if (next.isCompletedExceptionally()) {
                    refused = next;
                } else {
                    taken.add(next);
                }
            }

            assertThat(refused).as("an append refused while the ring was full").isNotNull();
            assertThat(refused).failsWithin(Duration.ZERO).withThrowableThat().havingCause().isInstanceOf(MessageLogException.class);
            clock.armed = false;
            clock.release.countDown();
            CompletableFuture.allOf(taken.toArray(CompletableFuture[]::new)).orTimeout(10, TimeUnit.SECONDS).join();
            assertThat(log.endSequence(subject)).isEqualTo(taken.size());
        }
    }

    private static Message message(Subject subject) {
        return new Message(subject, MessageId.of("id-" + UUID.randomUUID()), Tags.NONE, MessageFlags.of(false, false),
                1L, 0, new byte[32]);
    }
}

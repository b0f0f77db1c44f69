package io.qmq.adapters.filestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qmq.domain.consumer.Consumer;
import io.qmq.domain.consumer.ConsumerGroup;
import io.qmq.domain.consumer.ConsumerId;
import io.qmq.domain.consumer.ConsumerProgress;
import io.qmq.domain.consumer.Subscription;
import io.qmq.domain.message.Message;
import io.qmq.domain.message.MessageFlags;
import io.qmq.domain.message.MessageId;
import io.qmq.domain.message.StoredMessage;
import io.qmq.domain.message.Subject;
import io.qmq.domain.message.Tags;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An interrupted caller closes a {@link java.nio.channels.FileChannel} for every thread; the store must
 * fail only that call and keep working for everyone else.
 */
class InterruptedCallerTest {

    @TempDir
    Path dataDir;

    private final Subject subject = Subject.of("subject-" + UUID.randomUUID());

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void theMessageLogKeepsWorkingAfterAnInterruptedRead() {
        try (FileMessageLog log = FileMessageLog.open(FileStoreConfig.defaults(dataDir), Clock.systemUTC())) {
            List<StoredMessage> first = append(log);

            Thread.currentThread().interrupt();
            assertThatThrownBy(() -> log.read(subject, 0, 10, Integer.MAX_VALUE)).isNotNull();
            Thread.interrupted();

            List<StoredMessage> second = append(log);
            assertThat(log.read(subject, 0, 10, Integer.MAX_VALUE)).containsExactly(first.get(0), second.get(0));
        }
    }

    @Test
    void thePullLogKeepsWorkingAfterAnInterruptedChange() {
        Consumer consumer = new Consumer(new Subscription(subject, ConsumerGroup.of("group")), ConsumerId.of("consumer"));
        try (FilePullLog log = FilePullLog.open(FileStoreConfig.defaults(dataDir))) {
            Thread.currentThread().interrupt();
            assertThatThrownBy(() -> log.recordPull(consumer, 0, new long[] {5}, 6)).isNotNull();
            Thread.interrupted();

            log.recordPull(consumer, 0, new long[] {7}, 8);
        }
        try (FilePullLog log = FilePullLog.open(FileStoreConfig.defaults(dataDir))) {
            assertThat(log.progress(consumer)).isEqualTo(new ConsumerProgress(0, -1));
            assertThat(log.cursor(consumer.subscription())).hasValue(8);
        }
    }

    private List<StoredMessage> append(FileMessageLog log) {
        Message message = new Message(subject, MessageId.of("id-" + UUID.randomUUID()), Tags.NONE,
                MessageFlags.of(false, false), 1L, 0, new byte[64]);
        return log.append(List.of(message)).orTimeout(10, TimeUnit.SECONDS).join();
    }
}

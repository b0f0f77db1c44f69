package io.qmq.adapters.filestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qmq.application.port.out.MessageLogException;
import io.qmq.domain.message.Message;
import io.qmq.domain.message.MessageFlags;
import io.qmq.domain.message.MessageId;
import io.qmq.domain.message.StoredMessage;
import io.qmq.domain.message.Subject;
import io.qmq.domain.message.Tags;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A message larger than the writer's buffer and than a segment is written alone, in a segment of its
 * own; a batch the record format cannot hold fails without touching the log.
 */
class LargeMessageTest {

    private static final int LARGE = 5 * 1024 * 1024;

    @TempDir
    Path dataDir;

    @Test
    void aMessageLargerThanTheBufferAndTheSegmentIsStoredWhole() {
        Subject subject = Subject.of("subject-" + UUID.randomUUID());
        FileStoreConfig config = FileStoreConfig.defaults(dataDir).withSegmentBytes(64 * 1024);
        List<Message> batch = List.of(message(subject, 100), message(subject, LARGE), message(subject, 100));
        List<StoredMessage> stored;
        try (FileMessageLog log = FileMessageLog.open(config, Clock.systemUTC())) {
            stored = log.append(batch).orTimeout(10, TimeUnit.SECONDS).join();
            assertThat(log.read(subject, 0, 10, Integer.MAX_VALUE)).containsExactlyElementsOf(stored);
        }
        try (FileMessageLog log = FileMessageLog.open(config, Clock.systemUTC())) {
            assertThat(log.read(subject, 0, 10, 200)).containsExactly(stored.get(0));
            assertThat(log.read(subject, 1, 10, 200)).containsExactly(stored.get(1));
            assertThat(log.read(subject, 0, 10, Integer.MAX_VALUE)).containsExactlyElementsOf(stored);
        }
    }

    @Test
    void aBatchThatCannotBeRecordedFailsAloneAndTheLogGoesOn() {
        Subject subject = Subject.of("subject-" + UUID.randomUUID());
        Message unrecordable = new Message(subject, MessageId.of("id-" + UUID.randomUUID()), Tags.of("t".repeat(70_000)),
                MessageFlags.of(false, true), 1L, 0, new byte[10]);
        try (FileMessageLog log = FileMessageLog.open(FileStoreConfig.defaults(dataDir), Clock.systemUTC())) {
            assertThatThrownBy(() -> log.append(List.of(message(subject, 10), unrecordable)).orTimeout(10, TimeUnit.SECONDS).join())
                    .hasCauseInstanceOf(MessageLogException.class);

            StoredMessage next = log.append(List.of(message(subject, 10))).orTimeout(10, TimeUnit.SECONDS).join().get(0);
            assertThat(next.sequence()).isZero();
            assertThat(log.read(subject, 0, 10, Integer.MAX_VALUE)).containsExactly(next);
        }
    }

    private static Message message(Subject subject, int size) {
        byte[] encoded = new byte[size];
        new Random(size).nextBytes(encoded);
        return new Message(subject, MessageId.of("id-" + UUID.randomUUID()), Tags.NONE, MessageFlags.of(false, false),
                1L, 0, encoded);
    }
}

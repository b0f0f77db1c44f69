package io.qmq.adapters.filestore;

import static org.assertj.core.api.Assertions.assertThat;

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

/** A message larger than the writer's buffer and than a segment is written alone, in a segment of its own. */
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

    private static Message message(Subject subject, int size) {
        byte[] encoded = new byte[size];
        new Random(size).nextBytes(encoded);
        return new Message(subject, MessageId.of("id-" + UUID.randomUUID()), Tags.NONE, MessageFlags.of(false, false),
                1L, 0, encoded);
    }
}

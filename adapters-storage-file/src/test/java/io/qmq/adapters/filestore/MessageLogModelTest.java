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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random appends, reads and reopens against a model: per subject a {@link TreeMap} from sequence to
 * message. Seeded, so a failure repeats; bounded in operations.
 */
class MessageLogModelTest {

    private static final int OPERATIONS = 400;
    private static final long SEGMENT_BYTES = 8 * 1024;

    @TempDir
    Path dataDir;

    private final Map<Subject, TreeMap<Long, StoredMessage>> model = new TreeMap<>((a, b) -> a.name().compareTo(b.name()));
    private FileMessageLog log;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void behavesLikeTheModel(long seed) {
        Random random = new Random(seed);
        List<Subject> subjects = IntStream.range(0, 6).mapToObj(i -> Subject.of("subject-" + UUID.randomUUID())).toList();
        log = open();
        try {
            for (int operation = 0; operation < OPERATIONS; operation++) {
                int dice = random.nextInt(100);
                if (dice < 55) {
                    append(random, subjects);
                } else if (dice < 90) {
                    readAndCompare(random, subjects);
                } else if (dice < 95) {
                    log.close();
                    log = open();
                } else {
                    subjects.forEach(s -> assertThat(log.endSequence(s)).isEqualTo(modelOf(s).size()));
                    assertThat(log.subjects()).containsExactlyInAnyOrderElementsOf(model.keySet());
                }
            }
            subjects.forEach(s -> assertThat(log.read(s, 0, 10_000, Integer.MAX_VALUE))
                    .containsExactlyElementsOf(modelOf(s).values()));
        } finally {
            log.close();
        }
    }

    private FileMessageLog open() {
        return FileMessageLog.open(FileStoreConfig.defaults(dataDir).withSegmentBytes(SEGMENT_BYTES), Clock.systemUTC());
    }

    private void append(Random random, List<Subject> subjects) {
        List<Message> batch = new ArrayList<>();
        for (int i = random.nextInt(6) + 1; i > 0; i--) {
            batch.add(message(random, subjects.get(random.nextInt(subjects.size()))));
        }
        List<StoredMessage> stored = log.append(batch).orTimeout(10, TimeUnit.SECONDS).join();
        for (int i = 0; i < batch.size(); i++) {
            TreeMap<Long, StoredMessage> subjectModel = model.computeIfAbsent(batch.get(i).subject(), s -> new TreeMap<>());
            assertThat(stored.get(i).sequence()).isEqualTo(subjectModel.size());
            assertThat(stored.get(i).message()).isEqualTo(batch.get(i));
            subjectModel.put(stored.get(i).sequence(), stored.get(i));
        }
    }

    private void readAndCompare(Random random, List<Subject> subjects) {
        Subject subject = subjects.get(random.nextInt(subjects.size()));
        long from = random.nextInt(modelOf(subject).size() + 3) - 1;
        int maxMessages = random.nextInt(20) + 1;
        int maxBytes = random.nextInt(6000) + 1;
        assertThat(log.read(subject, from, maxMessages, maxBytes))
                .as("read of %s from %d, %d messages, %d bytes", subject, from, maxMessages, maxBytes)
                .containsExactlyElementsOf(expected(subject, from, maxMessages, maxBytes));
    }

    private List<StoredMessage> expected(Subject subject, long from, int maxMessages, int maxBytes) {
        List<StoredMessage> result = new ArrayList<>();
        long bytes = 0;
        for (StoredMessage message : modelOf(subject).tailMap(Math.max(0, from)).values()) {
            bytes += message.message().size();
            if (result.size() == maxMessages || !result.isEmpty() && bytes > maxBytes) {
                break;
            }
            result.add(message);
        }
        return result;
    }

    private TreeMap<Long, StoredMessage> modelOf(Subject subject) {
        return model.getOrDefault(subject, new TreeMap<>());
    }

    private static Message message(Random random, Subject subject) {
        byte[] encoded = new byte[random.nextInt(3000) + 1];
        random.nextBytes(encoded);
        boolean delayed = random.nextBoolean();
        Tags tags = random.nextBoolean() ? Tags.of("t" + random.nextInt(5)) : Tags.NONE;
        return new Message(subject, MessageId.of("id-" + random.nextLong()), tags, MessageFlags.of(delayed, !tags.isEmpty()),
                random.nextInt(1_000_000), delayed ? random.nextInt(1_000_000) + 1 : 0, encoded);
    }
}

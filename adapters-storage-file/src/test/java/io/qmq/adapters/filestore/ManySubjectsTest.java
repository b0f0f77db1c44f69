package io.qmq.adapters.filestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ten thousand subjects in a 512 MB heap (surefire runs this class in its own JVM with -Xmx512m; in
 * any larger heap it is skipped):
 * memory and open files must not grow per subject the way mapped consume logs do.
 */
class ManySubjectsTest {

    private static final int SUBJECTS = 10_000;
    private static final int MESSAGES_PER_SUBJECT = 3;
    private static final int BATCH = 500;
    private static final long HEAP_LIMIT = 512L * 1024 * 1024;

    @TempDir
    Path dataDir;

    @Test
    void tenThousandSubjectsAppendReopenAndReadBackInASmallHeap() {
        // surefire's "small-heap" execution runs it with -Xmx512m; a -Dtest run also tries it in the default JVM
        assumeTrue(Runtime.getRuntime().maxMemory() <= HEAP_LIMIT, "runs only in a heap of at most 512 MB");
        FileStoreConfig config = FileStoreConfig.defaults(dataDir);
        List<Subject> subjects = IntStream.range(0, SUBJECTS).mapToObj(i -> Subject.of("many-subjects-" + i)).toList();

        try (FileMessageLog log = FileMessageLog.open(config, Clock.systemUTC())) {
            appendAll(log, subjects);
            assertThat(log.openIndexFiles()).isLessThanOrEqualTo(config.maxOpenIndexFiles());
        }
        try (FileMessageLog log = FileMessageLog.open(config, Clock.systemUTC())) {
            assertThat(log.subjects()).hasSize(SUBJECTS);
            for (Subject subject : subjects) {
                List<StoredMessage> read = log.read(subject, 0, 10, Integer.MAX_VALUE);
                assertThat(read).extracting(StoredMessage::sequence).containsExactly(0L, 1L, 2L);
                assertThat(read).allSatisfy(m -> assertThat(m.message().id().value()).startsWith(subject.name() + "/"));
            }
            assertThat(log.openIndexFiles()).isLessThanOrEqualTo(config.maxOpenIndexFiles());
        }
    }

    private static void appendAll(FileMessageLog log, List<Subject> subjects) {
        List<CompletableFuture<List<StoredMessage>>> appended = new ArrayList<>();
        List<Message> batch = new ArrayList<>(BATCH);
        for (int round = 0; round < MESSAGES_PER_SUBJECT; round++) {
            for (Subject subject : subjects) {
                batch.add(new Message(subject, MessageId.of(subject.name() + "/" + round), Tags.NONE,
                        MessageFlags.of(false, false), 1L, 0, new byte[200]));
                if (batch.size() == BATCH) {
                    appended.add(log.append(batch));
                    batch = new ArrayList<>(BATCH);
                }
            }
        }
        CompletableFuture.allOf(appended.toArray(CompletableFuture[]::new)).orTimeout(60, TimeUnit.SECONDS).join();
    }
}

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
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readers tail subjects while the writer appends across segment rolls: whatever a reader sees is
 * complete and in place (message n of a subject carries sequence n in its id), never a torn or
 * misplaced record, and every sequence below the end it saw is readable.
 */
class ConcurrentReadWriteTest {

    private static final int MESSAGES = 6000;
    private static final int READERS = 3;

    @TempDir
    Path dataDir;

    @Test
    void readersTailingAWriterSeeOnlyCompleteMessagesInPlace() throws InterruptedException {
        List<Subject> subjects = List.of(subject(), subject());
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        try (FileMessageLog log = FileMessageLog.open(FileStoreConfig.defaults(dataDir).withSegmentBytes(32 * 1024), Clock.systemUTC())) {
            List<Thread> readers = new ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                Subject subject = subjects.get(r % subjects.size());
                Thread reader = new Thread(() -> tail(log, subject, writing, problems), "reader-" + r);
                reader.start();
                readers.add(reader);
            }
            appendAll(log, subjects);
            writing.set(false);
            for (Thread reader : readers) {
                reader.join(TimeUnit.SECONDS.toMillis(30));
                assertThat(reader.isAlive()).isFalse();
            }
        }
        assertThat(problems).isEmpty();
    }

    private static void appendAll(FileMessageLog log, List<Subject> subjects) {
        List<CompletableFuture<List<StoredMessage>>> appended = new ArrayList<>();
        long[] next = new long[subjects.size()];
        for (int i = 0; i < MESSAGES; i++) {
            int s = i % subjects.size();
            Subject subject = subjects.get(s);
            appended.add(log.append(List.of(new Message(subject, MessageId.of(subject.name() + "#" + next[s]++), Tags.NONE,
                    MessageFlags.of(false, false), 1L, 0, new byte[100 + i % 900]))));
            if (appended.size() == 256) {
                CompletableFuture.allOf(appended.toArray(CompletableFuture[]::new)).orTimeout(10, TimeUnit.SECONDS).join();
                appended.clear();
            }
        }
        CompletableFuture.allOf(appended.toArray(CompletableFuture[]::new)).orTimeout(10, TimeUnit.SECONDS).join();
    }

    private static void tail(FileMessageLog log, Subject subject, AtomicBoolean writing, ConcurrentLinkedQueue<String> problems) {
        long next = 0;
        long target = MESSAGES / 2;
        while (next < target && problems.isEmpty()) {
            long end = log.endSequence(subject);
            List<StoredMessage> read = log.read(subject, next, 50, 64 * 1024);
            if (read.isEmpty() && next < end) {
                problems.add("nothing read at " + next + " below the end " + end);
            }
            for (StoredMessage message : read) {
                if (message.sequence() != next || !message.message().id().value().equals(subject.name() + "#" + next)) {
                    problems.add("expected sequence " + next + " but read " + message.sequence() + " " + message.message().id());
                }
                next++;
            }
            if (read.isEmpty() && !writing.get() && log.endSequence(subject) == next) {
                problems.add("stopped at " + next + " of " + target);
            }
        }
    }

    private static Subject subject() {
        return Subject.of("subject-" + UUID.randomUUID());
    }
}

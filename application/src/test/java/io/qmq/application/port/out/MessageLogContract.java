package io.qmq.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import io.qmq.domain.message.Message;
import io.qmq.domain.message.MessageFlags;
import io.qmq.domain.message.MessageId;
import io.qmq.domain.message.StoredMessage;
import io.qmq.domain.message.Subject;
import io.qmq.domain.message.Tags;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MessageLog} must do. An implementation's test extends this class and says how to
 * open its storage; every test uses fresh subject names instead of cleaning up.
 *
 * <p>Sizes for {@code maxBytes} are the messages' encoded sizes ({@link Message#size()}).
 */
public abstract class MessageLogContract {

    private static final int LARGE = Integer.MAX_VALUE;
    private static final AtomicInteger IDS = new AtomicInteger();

    protected MessageLog log;

    /**
     * Opens the storage under test. Called once before each test and again after {@link #reopen()}
     * closed the previous log: the second time it must open the same storage, with everything appended
     * before the close.
     */
    protected abstract MessageLog open();

    @BeforeEach
    void openLog() {
        log = open();
    }

    @AfterEach
    void closeLog() {
        log.close();
    }

    /** Closes the log and opens its storage again. */
    protected final void reopen() {
        log.close();
        log = open();
    }

    protected static Subject freshSubject() {
        return Subject.of("subject-" + UUID.randomUUID());
    }

    /** A message with every field set to something recognisable, {@code size} encoded bytes. */
    protected static Message message(Subject subject, int size) {
        int n = IDS.incrementAndGet();
        byte[] encoded = new byte[size];
        byte[] label = ("m" + n + ";").getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < size; i++) {
            encoded[i] = i < label.length ? label[i] : (byte) (n * 31 + i);
        }
        boolean delayed = n % 3 == 0;
        Tags tags = n % 2 == 0 ? Tags.of("tag-" + n, "common") : Tags.NONE;
        return new Message(subject, MessageId.of("261121.053300.127.0.0.1." + n), tags,
                MessageFlags.of(delayed, !tags.isEmpty()), 1_700_000_000_000L + n,
                delayed ? 1_800_000_000_000L + n : 0, encoded);
    }

    protected static Message message(Subject subject) {
        return message(subject, 16 + ThreadLocalRandom.current().nextInt(64));
    }

    protected final List<StoredMessage> append(Message... messages) {
        return log.append(List.of(messages)).orTimeout(10, TimeUnit.SECONDS).join();
    }

    private static List<Message> messagesOf(List<StoredMessage> stored) {
        return stored.stream().map(StoredMessage::message).toList();
    }

    @Test
    void anUnknownSubjectIsEmpty() {
        Subject subject = freshSubject();

        assertThat(log.read(subject, 0, 10, LARGE)).isEmpty();
        assertThat(log.endSequence(subject)).isZero();
        assertThat(log.subjects()).doesNotContain(subject);
    }

    @Test
    void appendingNothingStoresNothing() {
        assertThat(log.append(List.of()).orTimeout(10, TimeUnit.SECONDS).join()).isEmpty();
    }

    @Test
    void aSubjectsSequencesAreDenseFromZero() {
        Subject subject = freshSubject();

        List<StoredMessage> first = append(message(subject), message(subject));
        List<StoredMessage> second = append(message(subject));

        assertThat(first).extracting(StoredMessage::sequence).containsExactly(0L, 1L);
        assertThat(second).extracting(StoredMessage::sequence).containsExactly(2L);
        assertThat(log.endSequence(subject)).isEqualTo(3);
    }

    @Test
    void readReturnsEveryFieldAsAppended() {
        Subject subject = freshSubject();
        Message tagged = message(subject, 100);
        Message plain = message(subject, 7);
        Message delayed = message(subject, 1);
        List<StoredMessage> stored = append(tagged, plain, delayed);

        List<StoredMessage> read = log.read(subject, 0, 10, LARGE);

        assertThat(read).containsExactlyElementsOf(stored);
        assertThat(messagesOf(read)).containsExactly(tagged, plain, delayed);
        assertThat(read).allSatisfy(m -> assertThat(m.appendedAt()).isPositive());
    }

    @Test
    void subjectsKeepTheirOwnSequencesInOneBatch() {
        Subject a = freshSubject();
        Subject b = freshSubject();
        Message a0 = message(a);
        Message b0 = message(b);
        Message a1 = message(a);

        List<StoredMessage> stored = append(a0, b0, a1);

        assertThat(messagesOf(stored)).containsExactly(a0, b0, a1);
        assertThat(stored).extracting(StoredMessage::sequence).containsExactly(0L, 0L, 1L);
        assertThat(messagesOf(log.read(a, 0, 10, LARGE))).containsExactly(a0, a1);
        assertThat(messagesOf(log.read(b, 0, 10, LARGE))).containsExactly(b0);
        assertThat(log.subjects()).contains(a, b);
    }

    @Test
    void readStartsAtTheAskedSequence() {
        Subject subject = freshSubject();
        List<StoredMessage> stored = appendMany(subject, 10);

        assertThat(log.read(subject, 4, 3, LARGE)).containsExactlyElementsOf(stored.subList(4, 7));
        assertThat(log.read(subject, 9, 10, LARGE)).containsExactly(stored.get(9));
    }

    @Test
    void readStopsAtMaxMessages() {
        Subject subject = freshSubject();
        List<StoredMessage> stored = appendMany(subject, 10);

        assertThat(log.read(subject, 0, 4, LARGE)).containsExactlyElementsOf(stored.subList(0, 4));
        assertThat(log.read(subject, 0, 1, LARGE)).containsExactly(stored.get(0));
    }

    @Test
    void readStopsBeforeExceedingMaxBytes() {
        Subject subject = freshSubject();
        List<StoredMessage> stored = append(message(subject, 100), message(subject, 100), message(subject, 100));

        assertThat(log.read(subject, 0, 10, 299)).containsExactlyElementsOf(stored.subList(0, 2));
        assertThat(log.read(subject, 0, 10, 300)).containsExactlyElementsOf(stored);
        assertThat(log.read(subject, 1, 10, 100)).containsExactly(stored.get(1));
    }

    @Test
    void aFirstMessageLargerThanMaxBytesIsStillReturnedAlone() {
        Subject subject = freshSubject();
        List<StoredMessage> stored = append(message(subject, 5000), message(subject, 10));

        assertThat(log.read(subject, 0, 10, 100)).containsExactly(stored.get(0));
    }

    @Test
    void readingAtOrPastTheEndIsEmpty() {
        Subject subject = freshSubject();
        appendMany(subject, 3);

        assertThat(log.read(subject, 3, 10, LARGE)).isEmpty();
        assertThat(log.read(subject, 1000, 10, LARGE)).isEmpty();
    }

    @Test
    void readingBeforeTheStartBeginsAtTheOldest() {
        Subject subject = freshSubject();
        List<StoredMessage> stored = appendMany(subject, 3);

        assertThat(log.read(subject, -1, 2, LARGE)).containsExactlyElementsOf(stored.subList(0, 2));
    }

    @Test
    void manySubjectsEachKeepTheirMessages() {
        List<Subject> subjects = IntStream.range(0, 50).mapToObj(i -> freshSubject()).toList();
        List<Message> batch = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            subjects.forEach(s -> batch.add(message(s)));
        }
        log.append(batch).orTimeout(10, TimeUnit.SECONDS).join();

        for (Subject subject : subjects) {
            List<Message> expected = batch.stream().filter(m -> m.subject().equals(subject)).toList();
            assertThat(messagesOf(log.read(subject, 0, 10, LARGE))).containsExactlyElementsOf(expected);
            assertThat(log.endSequence(subject)).isEqualTo(3);
        }
        assertThat(log.subjects()).containsAll(subjects);
    }

    @Test
    void reopeningKeepsEverythingAndSequencesContinue() {
        Subject a = freshSubject();
        Subject b = freshSubject();
        List<StoredMessage> storedA = appendMany(a, 5);
        List<StoredMessage> storedB = append(message(b, 3000));

        reopen();

        assertThat(log.read(a, 0, 10, LARGE)).containsExactlyElementsOf(storedA);
        assertThat(log.read(b, 0, 10, LARGE)).containsExactlyElementsOf(storedB);
        assertThat(log.endSequence(a)).isEqualTo(5);
        assertThat(log.subjects()).contains(a, b);
        assertThat(append(message(a)).get(0).sequence()).isEqualTo(5);
        assertThat(append(message(b)).get(0).sequence()).isEqualTo(1);
    }

    @Test
    void appendingAfterCloseFails() {
        Subject subject = freshSubject();
        log.close();

        Throwable failure = catchFailure(() -> log.append(List.of(message(subject))).orTimeout(10, TimeUnit.SECONDS).join());

        assertThat(failure).isNotNull();
        assertThat(causes(failure)).anyMatch(MessageLogException.class::isInstance);
    }

    @Test
    void concurrentAppendersGetDistinctDenseSequencesInTheirOwnOrder() throws InterruptedException {
        Subject shared = freshSubject();
        int threads = 4;
        int perThread = 200;
        List<List<StoredMessage>> results = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<StoredMessage> mine = java.util.Collections.synchronizedList(new ArrayList<>());
            results.add(mine);
            Subject own = freshSubject();
            Thread worker = new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    mine.addAll(append(message(shared), message(own)));
                }
            }, "appender-" + t);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(worker.isAlive()).as("appender still running").isFalse();
        }

        List<StoredMessage> all = log.read(shared, 0, threads * perThread + 1, LARGE);
        assertThat(all).extracting(StoredMessage::sequence)
                .containsExactlyElementsOf(IntStream.range(0, threads * perThread).mapToObj(i -> (long) i).toList());
        for (List<StoredMessage> mine : results) {
            List<StoredMessage> inShared = mine.stream().filter(m -> m.message().subject().equals(shared)).toList();
            assertThat(inShared).hasSize(perThread).isSortedAccordingTo(java.util.Comparator.comparingLong(StoredMessage::sequence));
            inShared.forEach(m -> assertThat(all.get((int) m.sequence())).isEqualTo(m));
            Subject own = mine.stream().map(m -> m.message().subject()).filter(s -> !s.equals(shared)).findFirst().orElseThrow();
            assertThat(log.read(own, 0, perThread + 1, LARGE)).extracting(StoredMessage::sequence).hasSize(perThread);
        }
    }

    protected final List<StoredMessage> appendMany(Subject subject, int count) {
        List<Message> batch = IntStream.range(0, count).mapToObj(i -> message(subject)).toList();
        return log.append(batch).orTimeout(10, TimeUnit.SECONDS).join();
    }

    private static Throwable catchFailure(Runnable action) {
        try {
            action.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}

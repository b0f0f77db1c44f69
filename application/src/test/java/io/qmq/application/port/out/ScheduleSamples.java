package io.qmq.application.port.out;

import io.qmq.domain.delay.DueMessage;
import io.qmq.domain.delay.ScheduleEntry;
import io.qmq.domain.message.Message;
import io.qmq.domain.message.MessageFlags;
import io.qmq.domain.message.MessageId;
import io.qmq.domain.message.Subject;
import io.qmq.domain.message.Tags;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh names, times and messages for the schedule contracts. Each test works in its own stretch of
 * time (a random day far from every other test's), so contracts hold even over storage that several
 * tests share.
 */
public final class ScheduleSamples {

    public static final long DAY = Duration.ofDays(1).toMillis();
    private static final long EPOCH_2033 = 2_000_000_000_000L;
    private static final AtomicInteger SERIAL = new AtomicInteger();

    private ScheduleSamples() {
    }

    public static Subject freshSubject() {
        return Subject.of("delayed-" + UUID.randomUUID());
    }

    /** The start of a day of future time that no other test uses (with overwhelming likelihood). */
    public static long freshDay() {
        return EPOCH_2033 + ThreadLocalRandom.current().nextLong(1, 1_000_000) * DAY;
    }

    /** The start of a day in the past (years before any test runs) that no other test uses. */
    public static long freshPastDay() {
        return ThreadLocalRandom.current().nextLong(1, 10_000) * DAY;
    }

    public static MessageId freshId() {
        return MessageId.of("261121." + UUID.randomUUID());
    }

    /** A message with every field set to something recognisable and {@code size} encoded bytes. */
    public static Message message(Subject subject, MessageId id, long dueAt, int size) {
        int n = SERIAL.incrementAndGet();
        byte[] encoded = new byte[size];
        byte[] label = ("d" + n + ";").getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < size; i++) {
            encoded[i] = i < label.length ? label[i] : (byte) (n * 31 + i);
        }
        Tags tags = n % 2 == 0 ? Tags.of("tag-" + n, "common") : Tags.NONE;
        return new Message(subject, id, tags, MessageFlags.of(true, !tags.isEmpty()), 1_700_000_000_000L + n, dueAt,
                encoded);
    }

    public static DueMessage due(Subject subject, long dueAt) {
        return due(subject, freshId(), dueAt);
    }

    public static DueMessage due(Subject subject, MessageId id, long dueAt) {
        return new DueMessage(dueAt, message(subject, id, dueAt, 16 + ThreadLocalRandom.current().nextInt(48)));
    }

    public static List<Long> idsOf(List<ScheduleEntry> entries) {
        return entries.stream().map(ScheduleEntry::scheduleId).toList();
    }
}

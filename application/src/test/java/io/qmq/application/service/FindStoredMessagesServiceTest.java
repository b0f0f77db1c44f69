package io.qmq.application.service;

import static io.qmq.application.service.DelayServer.delayed;
import static org.assertj.core.api.Assertions.assertThat;

import io.qmq.application.fixtures.InMemoryMessageLog;
import io.qmq.application.port.in.FindStoredMessagesCommand;
import io.qmq.domain.message.Message;
import io.qmq.domain.message.MessageFlags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FindStoredMessagesServiceTest {

    private final String subject = "subject-" + UUID.randomUUID();
    private final ManualClock clock = new ManualClock();
    private final InMemoryMessageLog log = new InMemoryMessageLog(clock);
    private final ForwardedDuplicates recent = new ForwardedDuplicates();
    private final FindStoredMessagesService service = new FindStoredMessagesService(log, recent);

    @Test
    void aMessageInTheRecentForwardsWindowIsFoundWithoutReadingTheLog() {
        Message message = delayed(subject, "m1", 0);
        recent.remember(message);

        assertThat(find(clock.millis(), message)).containsExactly(message);
    }

    @Test
    void aMessageInTheLogIsFoundByItsSubjectIdAndBytes() {
        long since = clock.millis();
        Message stored = delayed(subject, "m1", 0);
        append(stored);
        append(others(300));

        Message sameAgain = copyOf(stored);
        assertThat(find(since, sameAgain)).containsExactly(sameAgain);
    }

    @Test
    void aConsumersRetryWithTheSameIdButOtherBytesIsNotTheMessage() {
        long since = clock.millis();
        append(delayed(subject, "m1", 0));

        Message retry = new Message(io.qmq.domain.message.Subject.of(subject), io.qmq.domain.message.MessageId.of("m1"),
                io.qmq.domain.message.Tags.NONE, MessageFlags.of(true, false), 1, 0, "another attempt".getBytes());
        assertThat(find(since, retry)).isEmpty();
    }

    @Test
    void aMessageOfAnotherSubjectIsNotTheMessage() {
        long since = clock.millis();
        Message elsewhere = delayed("other-" + UUID.randomUUID(), "m1", 0);
        append(elsewhere);

        assertThat(find(since, delayed(subject, "m1", 0).fileUnder(io.qmq.domain.message.Subject.of(subject))))
                .isEmpty();
    }

    @Test
    void theScanStopsAtMessagesStoredBeforeTheForwardBeganLessTheClockMargin() {
        Message old = delayed(subject, "old", 0);
        append(old);
        clock.advance(FindStoredMessagesService.CLOCK_SKEW_MARGIN.plusSeconds(1));
        Message recentEnough = delayed(subject, "recent", 0);
        append(recentEnough);
        long since = clock.millis() + Duration.ofSeconds(5).toMillis(); // the delay server's clock runs ahead

        assertThat(find(since, old, recentEnough)).containsExactly(recentEnough);
    }

    @Test
    void candidatesOfSeveralSubjectsAreFoundEachInItsOwnLog() {
        long since = clock.millis();
        Message a = delayed(subject, "a", 0);
        Message b = delayed("other-" + UUID.randomUUID(), "b", 0);
        append(a, b);
        append(others(600));

        assertThat(find(since, copyOf(b), delayed(subject, "missing", 0), copyOf(a)))
                .extracting(m -> m.id().value()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void theScanGivesUpAfterItsBoundAndWhatItDidNotReachCountsAsNotStored() {
        long since = clock.millis();
        Message deep = delayed(subject, "deep", 0);
        append(deep);
        append(others(40));
        Message shallow = delayed(subject, "shallow", 0);
        append(shallow);
        FindStoredMessagesService bounded = new FindStoredMessagesService(log, recent, 20);

        assertThat(bounded.findStored(new FindStoredMessagesCommand(List.of(deep, shallow), since)))
                .containsExactly(shallow);
    }

    @Test
    void nothingIsFoundInAnEmptySubject() {
        assertThat(find(clock.millis(), delayed(subject, "m1", 0))).isEmpty();
    }

    private List<Message> find(long since, Message... candidates) {
        return service.findStored(new FindStoredMessagesCommand(List.of(candidates), since));
    }

    private void append(Message... messages) {
        log.append(List.of(messages)).orTimeout(1, TimeUnit.SECONDS).join();
    }

    private Message[] others(int count) {
        List<Message> others = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            others.add(delayed(subject, "other-" + i, 0));
        }
        return others.toArray(Message[]::new);
    }

    private static Message copyOf(Message message) {
        return new Message(message.subject(), message.id(), message.tags(), message.flags(), message.createdAt(),
                message.scheduledAt(), message.encoded().clone());
    }
}

package io.qmq.application.service;

import static io.qmq.application.service.Broker.consumer;
import static io.qmq.application.service.Broker.ids;
import static io.qmq.application.service.Broker.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.qmq.application.port.in.PullCommand;
import io.qmq.application.port.in.PullResult;
import io.qmq.domain.consumer.Consumer;
import io.qmq.domain.consumer.StartPosition;
import io.qmq.domain.consumer.TagFilter;
import io.qmq.domain.message.MessageSizeLimit;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PullMessagesServiceTest {

    private static final BrokerSettings EARLIEST = new BrokerSettings(Duration.ofMillis(300), Duration.ofSeconds(30),
            StartPosition.EARLIEST, 1 << 20, MessageSizeLimit.DEFAULT);

    private final String subject = "subject-" + UUID.randomUUID();
    private final Broker broker = new Broker(Clock.systemUTC(), EARLIEST);

    @AfterEach
    void stop() throws InterruptedException {
        broker.close();
    }

    @Test
    void handsOutMessagesUnderConsecutivePullSequences() {
        broker.send(message(subject, "m0"), message(subject, "m1"), message(subject, "m2"));

        PullResult first = broker.pull(consumer(subject, "g", "c1"), 2, -1);
        PullResult second = broker.pull(consumer(subject, "g", "c1"), 2, 1);

        assertThat(first.firstPullSequence()).isZero();
        assertThat(ids(first)).containsExactly("m0", "m1");
        assertThat(second.firstPullSequence()).isEqualTo(2);
        assertThat(ids(second)).containsExactly("m2");
    }

    @Test
    void consumersOfOneGroupShareTheStreamWhileEachGroupGetsEverything() {
        for (int i = 0; i < 10; i++) {
            broker.send(message(subject, "m" + i));
        }
        Set<String> groupA = new HashSet<>();
        groupA.addAll(ids(broker.pull(consumer(subject, "a", "c1"), 4, -1)));
        groupA.addAll(ids(broker.pull(consumer(subject, "a", "c2"), 4, -1)));
        groupA.addAll(ids(broker.pull(consumer(subject, "a", "c1"), 4, 3)));
        PullResult groupB = broker.pull(consumer(subject, "b", "c1"), 100, -1);

        assertThat(groupA).hasSize(10);
        assertThat(ids(groupB)).hasSize(10);
    }

    @Test
    void aConsumerThatLostAResponseGetsTheSameMessagesUnderTheSameSequencesFirst() {
        broker.send(message(subject, "m0"), message(subject, "m1"), message(subject, "m2"));
        Consumer c = consumer(subject, "g", "c1");
        broker.pull(c, 2, -1); // the answer never reaches the client

        PullResult again = broker.pull(c, 10, -1);
        PullResult next = broker.pull(c, 10, 1);

        assertThat(again.firstPullSequence()).isZero();
        assertThat(ids(again)).containsExactly("m0", "m1");
        assertThat(next.firstPullSequence()).isEqualTo(2);
        assertThat(ids(next)).containsExactly("m2");
    }

    @Test
    void filteredOutMessagesAreSkippedForGoodAndTakeNoPullSequence() {
        broker.send(message(subject, "red1", "red"), message(subject, "blue1", "blue"), message(subject, "plain"),
                message(subject, "red2", "red", "big"));
        Consumer c = consumer(subject, "g", "c1");

        PullResult reds = broker.pull(c, 10, TagFilter.any("red"));
        PullResult rest = broker.pull(consumer(subject, "g", "c2"), 10, TagFilter.NONE);

        assertThat(ids(reds)).containsExactly("red1", "red2");
        assertThat(reds.firstPullSequence()).isZero();
        assertThat(rest.isEmpty()).isTrue();
    }

    @Test
    void allTagsFilterNeedsEveryTag() {
        broker.send(message(subject, "red", "red"), message(subject, "redBig", "red", "big"));

        assertThat(ids(broker.pull(consumer(subject, "g", "c"), 10, TagFilter.all("red", "big")))).containsExactly("redBig");
    }

    @Test
    void aNewGroupStartsAtTheLatestMessageWhenConfiguredSo() {
        BrokerSettings latest = new BrokerSettings(Duration.ZERO, Duration.ofSeconds(30), StartPosition.LATEST,
                1 << 20, MessageSizeLimit.DEFAULT);
        try (Broker fresh = new Broker(Clock.systemUTC(), latest)) {
            fresh.send(message(subject, "before"));
            assertThat(fresh.pull(consumer(subject, "g", "c"), 10, -1).isEmpty()).isTrue();
            fresh.send(message(subject, "after"));
            assertThat(ids(fresh.pull(consumer(subject, "g", "c"), 10, -1))).containsExactly("after");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aLongPollAnswersAsSoonAsAMessageArrives() throws Exception {
        Consumer c = consumer(subject, "g", "c1");
        CompletableFuture<PullResult> waiting = broker.pull.pull(
                new PullCommand(c, 10, -1, Duration.ofSeconds(10), false, TagFilter.NONE));
        Thread.sleep(50);
        assertThat(waiting).isNotDone();

        broker.send(message(subject, "m0"));

        assertThat(ids(waiting.get(2, TimeUnit.SECONDS))).containsExactly("m0");
    }

    @Test
    void aLongPollEndsEmptyWhenItsTimeIsUp() throws Exception {
        long start = System.nanoTime();
        PullResult result = broker.pull.pull(new PullCommand(consumer(subject, "g", "c1"), 10, -1,
                Duration.ofMillis(200), false, TagFilter.NONE)).get(2, TimeUnit.SECONDS);

        assertThat(result.isEmpty()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(190));
    }

    @Test
    void retriesAreHeldBackUntilTheRetryDelayHasPassed() throws Exception {
        String retry = "%RETRY%" + subject + "%g";
        broker.send(message(retry, "again"));
        Consumer c = consumer(retry, "g", "c1");
        long start = System.nanoTime();

        assertThat(broker.pull(c, 10, -1).isEmpty()).isTrue();
        PullResult result = broker.pull.pull(new PullCommand(c, 10, -1, Duration.ofSeconds(5), false, TagFilter.NONE))
                .get(3, TimeUnit.SECONDS);

        assertThat(ids(result)).containsExactly("again");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(280));
    }
}

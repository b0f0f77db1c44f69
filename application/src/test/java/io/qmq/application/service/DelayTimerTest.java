package io.qmq.application.service;

import static io.qmq.application.service.DelayServer.delayed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.qmq.application.fixtures.InMemoryScheduleStore;
import io.qmq.application.port.in.SendResult;
import io.qmq.application.port.in.SendStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DelayTimerTest {

    private final String subject = "subject-" + UUID.randomUUID();

    @Test
    void messagesArriveOnceEachNeverBeforeTheirDueTime() throws Exception {
        try (DelayServer server = new DelayServer(new InMemoryScheduleStore())) {
            long now = System.currentTimeMillis();
            List<io.qmq.domain.message.Message> messages = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                messages.add(delayed(subject, "m" + i, now + 50 + (i * 7L) % 1_500));
            }
            server.send(messages.toArray(io.qmq.domain.message.Message[]::new));

            await().atMost(Duration.ofSeconds(5)).until(() -> server.forwarder.forwarded.size() >= 200);
            Thread.sleep(200);

            assertThat(server.forwarder.ids()).doesNotHaveDuplicates().hasSize(200);
            server.forwarder.forwarded.forEach(f -> assertThat(f.at()).isGreaterThanOrEqualTo(f.message().scheduledAt()));
            assertThat(server.store.pendingCount()).isZero();
        }
    }

    @Test
    void aTimeInThePastIsDueAtOnce() throws Exception {
        try (DelayServer server = new DelayServer(new InMemoryScheduleStore())) {
            server.send(delayed(subject, "late", System.currentTimeMillis() - 60_000));

            await().atMost(Duration.ofSeconds(1)).until(() -> server.forwarder.ids().contains("late"));
        }
    }

    @Test
    void aDelayBeyondTheLimitIsRefusedAndNeverStored() throws Exception {
        try (DelayServer server = new DelayServer(new InMemoryScheduleStore())) {
            List<SendResult> results = server.send(delayed(subject, "far", System.currentTimeMillis() + Duration.ofDays(2).toMillis()));

            assertThat(results.get(0).status()).isEqualTo(SendStatus.BLOCKED);
            assertThat(results.get(0).remark()).contains("far").contains("limit");
            assertThat(server.store.pendingCount()).isZero();
        }
    }

    @Test
    void messagesBeyondTheLookaheadStayOnDiskUntilTheirWindowComes() throws Exception {
        try (DelayServer server = new DelayServer(new InMemoryScheduleStore())) {
            long due = System.currentTimeMillis() + 2_000;
            server.send(delayed(subject, "later", due));

            assertThat(server.timer.waitingInMemory()).isZero();
            await().atMost(Duration.ofSeconds(4)).until(() -> server.forwarder.ids().contains("later"));
            assertThat(server.forwarder.forwarded.get(0).at()).isGreaterThanOrEqualTo(due);
        }
    }

    @Test
    void aFailedForwardIsRetriedAndStillDeliveredOnce() throws Exception {
        try (DelayServer server = new DelayServer(new InMemoryScheduleStore())) {
            server.forwarder.failuresToCome.set(3);
            server.send(delayed(subject, "stubborn", System.currentTimeMillis() + 50));

            await().atMost(Duration.ofSeconds(3)).until(() -> server.forwarder.ids().contains("stubborn"));
            Thread.sleep(300);
            assertThat(server.forwarder.ids()).containsExactly("stubborn");
        }
    }

    @Test
    void aMessageCancelledWhileItsFailedForwardBacksOffIsDroppedAndLeavesNothingInDoubt() throws Exception {
        try (DelayServer server = new DelayServer(new InMemoryScheduleStore())) {
            server.forwarder.failuresToCome.set(1_000);
            server.send(delayed(subject, "cancel-me", System.currentTimeMillis() + 50));
            await().atMost(Duration.ofSeconds(3)).until(() -> server.forwarding.inDoubtCount() == 1);

            assertThat(server.inspect.cancel(io.qmq.domain.message.MessageId.of("cancel-me"))).isOne();
            server.forwarder.failuresToCome.set(0);

            await().atMost(Duration.ofSeconds(3)).until(() -> server.forwarding.inDoubtCount() == 0);
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1))
                    .until(() -> server.forwarder.ids().isEmpty());
        }
    }

    @Test
    void aDispatchInDoubtAtOpenThatIsCancelledBeforeItIsLoadedLeavesNothingInDoubt() throws Exception {
        InMemoryScheduleStore store = new InMemoryScheduleStore();
        io.qmq.domain.message.Message farAhead = delayed(subject, "far-ahead", System.currentTimeMillis() + 3_600_000);
        List<io.qmq.domain.delay.ScheduleEntry> entries = store.add(List.of(
                new io.qmq.domain.delay.DueMessage(farAhead.scheduledAt(), farAhead))).join();
        store.markDispatching(entries, System.currentTimeMillis()); // then the process died
        store.close();
        try (DelayServer server = new DelayServer(store.reopen())) {
            assertThat(server.forwarding.inDoubtCount()).isOne();

            assertThat(server.inspect.cancel(farAhead.id())).isOne();

            await().atMost(Duration.ofSeconds(2)).until(() -> server.forwarding.inDoubtCount() == 0);
        }
    }

    @Test
    void aRestartForwardsWhatWasPendingAndNothingAlreadyForwarded() throws Exception {
        InMemoryScheduleStore store = new InMemoryScheduleStore();
        long now = System.currentTimeMillis();
        try (DelayServer first = new DelayServer(store)) {
            first.send(delayed(subject, "early", now + 50), delayed(subject, "late", now + 1_500));
            await().atMost(Duration.ofSeconds(2)).until(() -> first.forwarder.ids().contains("early"));
        }
        store.close();
        try (DelayServer second = new DelayServer(store.reopen())) {
            await().atMost(Duration.ofSeconds(4)).until(() -> second.forwarder.ids().contains("late"));
            Thread.sleep(200);
            assertThat(second.forwarder.ids()).containsExactly("late");
        }
    }

    @Test
    void aCancelledMessageNeverArrivesAndCanBeFoundUntilThen() throws Exception {
        try (DelayServer server = new DelayServer(new InMemoryScheduleStore())) {
            long due = System.currentTimeMillis() + 300;
            server.send(delayed(subject, "cancel-me", due), delayed(subject, "keep-me", due));
            io.qmq.domain.message.MessageId id = io.qmq.domain.message.MessageId.of("cancel-me");

            assertThat(server.inspect.pendingWithId(id)).singleElement()
                    .satisfies(s -> assertThat(s.dueAt()).isEqualTo(due));
            assertThat(server.inspect.countPending(io.qmq.domain.message.Subject.of(subject),
                    Instant.ofEpochMilli(due), Instant.ofEpochMilli(due + 1))).isEqualTo(2);
            assertThat(server.inspect.cancel(id)).isOne();

            await().atMost(Duration.ofSeconds(2)).until(() -> server.forwarder.ids().contains("keep-me"));
            Thread.sleep(200);
            assertThat(server.forwarder.ids()).containsExactly("keep-me");
            assertThat(server.inspect.pendingWithId(id)).isEmpty();
        }
    }
}

package io.qmq.application.service;

import static io.qmq.application.service.Broker.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.qmq.application.port.in.SendMessagesCommand;
import io.qmq.application.port.in.SendResult;
import io.qmq.application.port.in.SendStatus;
import io.qmq.domain.cluster.BrokerState;
import io.qmq.domain.consumer.StartPosition;
import io.qmq.domain.message.MessageSizeLimit;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SyncReplicatedSendTest {

    private static final BrokerSettings SETTINGS = new BrokerSettings(Duration.ZERO, Duration.ofSeconds(30),
            StartPosition.EARLIEST, 1 << 20, new MessageSizeLimit(64));

    private final String subject = "subject-" + UUID.randomUUID();
    private final ManualClock clock = new ManualClock();
    private final Broker broker = new Broker(clock, SETTINGS);
    private final FakeReplicationSource source = new FakeReplicationSource();
    private final ReplicaAcks acks = new ReplicaAcks(source, clock, Duration.ofMillis(300));
    private final SyncReplicatedSend send = new SyncReplicatedSend(broker.send, source, acks);

    @AfterEach
    void stop() throws InterruptedException {
        broker.close();
    }

    @Test
    void aStoredBatchIsAnsweredOnlyOnceTheSlaveConfirmedTheMastersEnd() {
        source.end = 4_096;

        CompletableFuture<List<SendResult>> answer = send.send(new SendMessagesCommand(List.of(message(subject, "m0"))));

        assertThat(answer).isNotDone();
        acks.slaveReached(4_000);
        assertThat(answer).isNotDone();
        acks.slaveReached(4_096);
        assertThat(answer.join()).extracting(SendResult::status).containsExactly(SendStatus.STORED);
    }

    @Test
    void aBatchTheSlaveNeverConfirmsIsAnsweredAsAStoreErrorNamingReplication() {
        source.end = 10;

        CompletableFuture<List<SendResult>> answer = send.send(new SendMessagesCommand(List.of(message(subject, "m0"))));

        await().atMost(Duration.ofSeconds(5)).until(answer::isDone);
        SendResult result = answer.join().get(0);
        assertThat(result.status()).isEqualTo(SendStatus.STORE_ERROR);
        assertThat(result.remark()).contains("not confirmed by its slave");
    }

    @Test
    void aBatchRefusedWholeWaitsForNothing() {
        broker.availability.update(BrokerState.READ_ONLY);
        source.end = 10;

        CompletableFuture<List<SendResult>> answer = send.send(new SendMessagesCommand(List.of(message(subject, "m0"))));

        assertThat(answer).isCompleted();
        assertThat(answer.join()).extracting(SendResult::status).containsExactly(SendStatus.READ_ONLY);
    }
}

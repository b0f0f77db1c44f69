package io.qmq.application.service;

import static io.qmq.application.service.Broker.consumer;
import static io.qmq.application.service.Broker.ids;
import static io.qmq.application.service.Broker.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.qmq.application.port.in.SendMessagesCommand;
import io.qmq.application.port.in.SendResult;
import io.qmq.application.port.in.SendStatus;
import io.qmq.application.port.out.BrokerMetrics;
import io.qmq.domain.consumer.StartPosition;
import io.qmq.domain.message.Message;
import io.qmq.domain.message.MessageFlags;
import io.qmq.domain.message.MessageId;
import io.qmq.domain.message.MessageSizeLimit;
import io.qmq.domain.message.Subject;
import io.qmq.domain.message.Tags;
import io.qmq.application.fixtures.InMemoryMessageLog;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SendMessagesServiceTest {

    private static final BrokerSettings SMALL_MESSAGES = new BrokerSettings(Duration.ZERO, Duration.ofSeconds(30),
            StartPosition.EARLIEST, 1 << 20, new MessageSizeLimit(64));

    private final String subject = "subject-" + UUID.randomUUID();
    private final ManualClock clock = new ManualClock();
    private final Broker broker = new Broker(clock, SMALL_MESSAGES);

    @AfterEach
    void stop() throws InterruptedException {
        broker.close();
    }

    @Test
    void storesABatchAndAnswersEveryMessageInOrder() {
        List<SendResult> results = broker.send(message(subject, "m0"), message("other-" + subject, "m1"));

        assertThat(results).extracting(r -> r.id().value()).containsExactly("m0", "m1");
        assertThat(results).allMatch(SendResult::isStored);
        assertThat(broker.log.endSequence(Subject.of(subject))).isOne();
    }

    @Test
    void anOversizedMessageIsRefusedAndTheRestOfItsBatchStored() {
        Message big = new Message(Subject.of(subject), MessageId.of("big"), Tags.NONE, MessageFlags.of(false, false),
                1, 0, new byte[65]);

        List<SendResult> results = broker.send(message(subject, "small"), big);

        assertThat(results.get(0).status()).isEqualTo(SendStatus.STORED);
        assertThat(results.get(1).status()).isEqualTo(SendStatus.STORE_ERROR);
        assertThat(results.get(1).remark()).contains("64");
        assertThat(ids(broker.pull(consumer(subject, "g", "c"), 10, -1))).containsExactly("small");
    }

    @Test
    void aFailingLogFailsTheBatchAsAStoreErrorTheProducerMayRetry() {
        InMemoryMessageLog log = new InMemoryMessageLog(clock);
        log.close();
        SendMessagesService send = new SendMessagesService(log, new MessageArrivals(), BrokerMetrics.NONE, SMALL_MESSAGES,
                new BrokerAvailability());

        List<SendResult> results = send.send(new SendMessagesCommand(List.of(message(subject, "m0")))).join();

        assertThat(results).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(SendStatus.STORE_ERROR));
    }

    @Test
    void aDelayedMessageForwardedTwiceIsStoredOnceAndTheSecondCountsAsSuccess() {
        Message forwarded = new Message(Subject.of(subject), MessageId.of("d1"), Tags.NONE, MessageFlags.of(true, false),
                1, 5, new byte[] {1, 2, 3});
        Message retryCopy = new Message(Subject.of(subject), MessageId.of("d1"), Tags.NONE, MessageFlags.of(true, false),
                2, 5, new byte[] {1, 2, 4});

        List<SendResult> first = broker.send(forwarded);
        List<SendResult> again = broker.send(forwarded);
        List<SendResult> retry = broker.send(retryCopy);

        assertThat(first.get(0).status()).isEqualTo(SendStatus.STORED);
        assertThat(again.get(0).status()).isEqualTo(SendStatus.DUPLICATE);
        assertThat(again.get(0).isStored()).isTrue();
        assertThat(retry.get(0).status()).isEqualTo(SendStatus.STORED);
        assertThat(broker.log.endSequence(Subject.of(subject))).isEqualTo(2);
    }

    @Test
    void ordinaryMessagesAreNeverTreatedAsDuplicates() {
        broker.send(message(subject, "same"));
        broker.send(message(subject, "same"));

        assertThat(broker.log.endSequence(Subject.of(subject))).isEqualTo(2);
    }

    @Test
    void aReadOnlyBrokerRefusesSendsSoProducersMoveOn() {
        broker.availability.update(io.qmq.domain.cluster.BrokerState.READ_ONLY);

        List<SendResult> results = broker.send(message(subject, "m0"));

        assertThat(results.get(0).status()).isEqualTo(SendStatus.READ_ONLY);
        assertThat(broker.log.endSequence(Subject.of(subject))).isZero();
        broker.availability.update(io.qmq.domain.cluster.BrokerState.READ_WRITE);
        assertThat(broker.send(message(subject, "m1")).get(0).status()).isEqualTo(SendStatus.STORED);
    }
}

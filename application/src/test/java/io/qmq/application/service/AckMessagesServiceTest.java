package io.qmq.application.service;

import static io.qmq.application.service.Broker.consumer;
import static io.qmq.application.service.Broker.ids;
import static io.qmq.application.service.Broker.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.qmq.application.port.in.AckCommand;
import io.qmq.domain.consumer.Consumer;
import io.qmq.domain.consumer.ConsumerProgress;
import io.qmq.domain.consumer.StartPosition;
import io.qmq.domain.message.MessageSizeLimit;
import io.qmq.domain.message.Subject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AckMessagesServiceTest {

    private final String subject = "subject-" + UUID.randomUUID();
    private final ManualClock clock = new ManualClock();
    private final Broker broker = new Broker(clock, new BrokerSettings(Duration.ZERO, Duration.ofSeconds(30),
            StartPosition.EARLIEST, 1 << 20, MessageSizeLimit.DEFAULT));

    @AfterEach
    void stop() throws InterruptedException {
        broker.close();
    }

    @Test
    void anAckMovesTheConsumersProgressAndADuplicateChangesNothing() {
        broker.send(message(subject, "m0"), message(subject, "m1"), message(subject, "m2"));
        Consumer c = consumer(subject, "g", "c1");
        broker.pull(c, 10, -1);

        broker.ack(c, 0, 1);
        broker.ack(c, 0, 1);

        assertThat(broker.pullLog.progress(c)).isEqualTo(new ConsumerProgress(2, 1));
    }

    @Test
    void messagesBehindAnAckGapGoToTheGroupsRetrySubjectInsteadOfBeingLost() {
        broker.send(message(subject, "m0"), message(subject, "m1"), message(subject, "m2"));
        Consumer c = consumer(subject, "g", "c1");
        broker.pull(c, 10, -1);

        broker.ack(c, 2, 2);

        assertThat(broker.pullLog.progress(c).acked()).isEqualTo(2);
        Consumer retryReader = consumer(Subject.of(subject).retryFor("g").name(), "g", "c2");
        assertThat(ids(broker.pull(retryReader, 10, -1))).containsExactly("m0", "m1");
    }

    @Test
    void anAckOfSequencesNeverHandedOutIsNotRecorded() {
        broker.send(message(subject, "m0"));
        Consumer c = consumer(subject, "g", "c1");
        broker.pull(c, 10, -1);

        broker.ack(c, 0, 5);

        assertThat(broker.pullLog.progress(c)).isEqualTo(new ConsumerProgress(0, 0));
    }

    @Test
    void aHeartbeatOnlyKeepsTheConsumerAlive() {
        Consumer c = consumer(subject, "g", "c1");
        clock.advance(Duration.ofSeconds(40));

        broker.ack.ack(AckCommand.heartbeat(c));

        assertThat(broker.liveness.isSilent(c, Duration.ofSeconds(30))).isFalse();
        assertThat(broker.pullLog.progress(c)).isEqualTo(ConsumerProgress.NEW);
    }
}

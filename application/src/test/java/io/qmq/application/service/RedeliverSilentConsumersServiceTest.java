package io.qmq.application.service;

import static io.qmq.application.service.Broker.consumer;
import static io.qmq.application.service.Broker.ids;
import static io.qmq.application.service.Broker.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.qmq.domain.consumer.Consumer;
import io.qmq.domain.consumer.StartPosition;
import io.qmq.domain.message.MessageSizeLimit;
import io.qmq.domain.message.Subject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedeliverSilentConsumersServiceTest {

    private final String subject = "subject-" + UUID.randomUUID();
    private final ManualClock clock = new ManualClock();
    private final Broker broker = new Broker(clock, new BrokerSettings(Duration.ZERO, Duration.ofSeconds(30),
            StartPosition.EARLIEST, 1 << 20, MessageSizeLimit.DEFAULT));

    @AfterEach
    void stop() throws InterruptedException {
        broker.close();
    }

    @Test
    void whatASilentConsumerHeldGoesToTheRestOfItsGroup() {
        broker.send(message(subject, "m0"), message(subject, "m1"), message(subject, "m2"));
        Consumer gone = consumer(subject, "g", "gone");
        Consumer alive = consumer(subject, "g", "alive");
        broker.pull(gone, 2, -1);
        broker.ack(gone, 0, 0);
        clock.advance(Duration.ofSeconds(31));
        broker.pull(alive, 10, -1);

        int redelivered = broker.silent.redeliverSilentConsumers();

        assertThat(redelivered).isOne();
        Consumer aliveOnRetry = consumer(Subject.of(subject).retryFor("g").name(), "g", "alive");
        assertThat(ids(broker.pull(aliveOnRetry, 10, -1))).containsExactly("m1");
        assertThat(broker.pullLog.progress(gone).unacked()).isEmpty();
    }

    @Test
    void aConsumerHeardFromWithinTheTimeoutKeepsItsMessages() {
        broker.send(message(subject, "m0"));
        Consumer slow = consumer(subject, "g", "slow");
        broker.pull(slow, 1, -1);
        clock.advance(Duration.ofSeconds(29));

        assertThat(broker.silent.redeliverSilentConsumers()).isZero();
        assertThat(broker.pullLog.progress(slow).unacked()).isPresent();
    }
}

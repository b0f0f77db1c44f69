package io.qmq.application.service;

import static io.qmq.application.service.Broker.consumer;
import static io.qmq.application.service.Broker.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.qmq.application.port.in.Backlog;
import io.qmq.domain.consumer.Consumer;
import io.qmq.domain.consumer.StartPosition;
import io.qmq.domain.message.MessageSizeLimit;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReportBacklogServiceTest {

    private final String subject = "subject-" + UUID.randomUUID();
    private final Broker broker = new Broker(new ManualClock(), new BrokerSettings(Duration.ZERO, Duration.ofSeconds(30),
            StartPosition.EARLIEST, 1 << 20, MessageSizeLimit.DEFAULT));

    @AfterEach
    void stop() throws InterruptedException {
        broker.close();
    }

    @Test
    void countsWhatNoConsumerHasYetAndWhatIsHandedOutButNotAcknowledged() {
        for (int i = 0; i < 5; i++) {
            broker.send(message(subject, "m" + i));
        }
        Consumer c = consumer(subject, "g", "c1");
        broker.pull(c, 3, -1);
        broker.ack(c, 0, 0);

        Backlog backlog = new ReportBacklogService(broker.log, broker.pullLog).backlogs().get(0);

        assertThat(backlog.subscription()).isEqualTo(c.subscription());
        assertThat(backlog.undelivered()).isEqualTo(2);
        assertThat(backlog.unacknowledged()).isEqualTo(2);
        assertThat(backlog.total()).isEqualTo(4);
    }
}

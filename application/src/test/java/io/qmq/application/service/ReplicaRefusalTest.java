package io.qmq.application.service;

import static io.qmq.application.service.Broker.consumer;
import static io.qmq.application.service.Broker.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qmq.application.port.in.AckCommand;
import io.qmq.application.port.in.BrokerIsSlaveException;
import io.qmq.application.port.in.PullCommand;
import io.qmq.application.port.in.SendMessagesCommand;
import io.qmq.application.port.in.SendResult;
import io.qmq.application.port.in.SendStatus;
import io.qmq.domain.consumer.SequenceRange;
import io.qmq.domain.consumer.TagFilter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ReplicaRefusalTest {

    private final ReplicaRefusal slave = new ReplicaRefusal("a");

    @Test
    void everySendIsRefusedAsReadOnlyNamingTheGroup() {
        List<SendResult> results = slave.send(new SendMessagesCommand(List.of(message("orders", "m0"), message("orders", "m1"))))
                .join();

        assertThat(results).extracting(SendResult::status).containsExactly(SendStatus.READ_ONLY, SendStatus.READ_ONLY);
        assertThat(results.get(0).remark()).contains("slave of broker group a");
    }

    @Test
    void pullsAndAcksFailWithTheReason() {
        PullCommand pull = new PullCommand(consumer("orders", "billing", "c1"), 10, -1, Duration.ZERO, false, TagFilter.NONE);
        AckCommand ack = new AckCommand(consumer("orders", "billing", "c1"), Optional.of(SequenceRange.of(0, 1)), false);

        assertThatThrownBy(() -> slave.pull(pull).join()).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(BrokerIsSlaveException.class);
        assertThatThrownBy(() -> slave.ack(ack)).isInstanceOf(BrokerIsSlaveException.class)
                .hasMessageContaining("send to and pull from the group's master");
    }
}

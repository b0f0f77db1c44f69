package io.qmq.application.service;

import io.qmq.application.port.in.AckCommand;
import io.qmq.application.port.in.AckMessagesUseCase;
import io.qmq.application.port.in.BrokerIsSlaveException;
import io.qmq.application.port.in.PullCommand;
import io.qmq.application.port.in.PullMessagesUseCase;
import io.qmq.application.port.in.PullResult;
import io.qmq.application.port.in.SendMessagesCommand;
import io.qmq.application.port.in.SendMessagesUseCase;
import io.qmq.application.port.in.SendResult;
import io.qmq.application.port.in.SendStatus;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What a slave answers clients: nothing is stored or handed out, since only the master writes the log
 * and the consumer progress. Sends are refused as read-only (producers then refresh their routes, which
 * never name a slave), pulls and acks fail with {@link BrokerIsSlaveException}.
 */
public final class ReplicaRefusal implements SendMessagesUseCase, PullMessagesUseCase, AckMessagesUseCase {

    private final String group;

    public ReplicaRefusal(String group) {
        this.group = group;
    }

    @Override
    public CompletableFuture<List<SendResult>> send(SendMessagesCommand command) {
        String reason = new BrokerIsSlaveException(group).getMessage();
        return CompletableFuture.completedFuture(command.messages().stream()
                .map(m -> new SendResult(m.id(), SendStatus.READ_ONLY, reason))
                .toList());
    }

    @Override
    public CompletableFuture<PullResult> pull(PullCommand command) {
        return CompletableFuture.failedFuture(new BrokerIsSlaveException(group));
    }

    @Override
    public void ack(AckCommand command) {
        throw new BrokerIsSlaveException(group);
    }
}

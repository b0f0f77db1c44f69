package io.qmq.application.service;

import io.qmq.application.port.in.AckCommand;
import io.qmq.application.port.in.AckMessagesUseCase;
import io.qmq.application.port.out.BrokerMetrics;
import io.qmq.application.port.out.PullLog;
import io.qmq.domain.consumer.AckOutcome;
import io.qmq.domain.consumer.Consumer;
import io.qmq.domain.consumer.ConsumerProgress;
import io.qmq.domain.consumer.SequenceRange;
import java.util.Optional;

/**
 * Records acknowledgements with QMQ's rules (duplicates ignored, overlaps trimmed) and, unlike QMQ,
 * never drops the messages of an ack gap: they are redelivered through the group's retry subject.
 */
public final class AckMessagesService implements AckMessagesUseCase {

    private final PullLog pullLog;
    private final SubscriptionLocks locks;
    private final Redelivery redelivery;
    private final ConsumerLiveness liveness;
    private final BrokerMetrics metrics;

    public AckMessagesService(PullLog pullLog, SubscriptionLocks locks, Redelivery redelivery,
                              ConsumerLiveness liveness, BrokerMetrics metrics) {
        this.pullLog = pullLog;
        this.locks = locks;
        this.redelivery = redelivery;
        this.liveness = liveness;
        this.metrics = metrics;
    }

    @Override
    public void ack(AckCommand command) {
        Consumer consumer = command.consumer();
        liveness.heardFrom(consumer);
        command.range().ifPresent(range -> locks.withLock(consumer.subscription(), () -> apply(consumer, range)));
    }

    private void apply(Consumer consumer, SequenceRange range) {
        ConsumerProgress progress = pullLog.progress(consumer);
        AckOutcome outcome = progress.acknowledge(range);
        // only what this broker handed out can be acknowledged; a client's claim beyond it is not recorded
        outcome.skipped().flatMap(gap -> handedOut(gap, progress))
                .ifPresent(gap -> redelivery.redeliver(consumer, gap));
        outcome.applied().flatMap(applied -> handedOut(applied, progress)).ifPresent(applied -> {
            pullLog.recordAck(consumer, applied);
            metrics.messagesAcked(consumer.subscription(), applied.count());
        });
    }

    private static Optional<SequenceRange> handedOut(SequenceRange range, ConsumerProgress progress) {
        return SequenceRange.between(range.first(), Math.min(range.last(), progress.pulled()));
    }
}

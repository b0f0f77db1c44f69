package io.qmq.application.service;

import io.qmq.application.port.out.PullLog;
import io.qmq.domain.consumer.Consumer;

/**
 * Run periodically: hands what silent consumers hold un-acknowledged back to their groups, so a
 * consumer that crashed or disconnected does not keep its messages from everyone else.
 */
public final class RedeliverSilentConsumersService {

    private final PullLog pullLog;
    private final SubscriptionLocks locks;
    private final Redelivery redelivery;
    private final ConsumerLiveness liveness;
    private final BrokerSettings settings;

    public RedeliverSilentConsumersService(PullLog pullLog, SubscriptionLocks locks, Redelivery redelivery,
                                           ConsumerLiveness liveness, BrokerSettings settings) {
        this.pullLog = pullLog;
        this.locks = locks;
        this.redelivery = redelivery;
        this.liveness = liveness;
        this.settings = settings;
    }

    /** Returns how many consumers had their messages redelivered. */
    public int redeliverSilentConsumers() {
        int redelivered = 0;
        for (Consumer consumer : pullLog.consumers()) {
            if (liveness.isSilent(consumer, settings.consumerOfflineAfter())
                    && locks.withLock(consumer.subscription(), () -> redeliverHeld(consumer))) {
                redelivered++;
            }
        }
        return redelivered;
    }

    private boolean redeliverHeld(Consumer consumer) {
        var unacked = pullLog.progress(consumer).unacked();
        unacked.ifPresent(range -> redelivery.redeliver(consumer, range));
        return unacked.isPresent();
    }
}

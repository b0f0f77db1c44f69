package io.qmq.application.service;

import io.qmq.application.port.in.Backlog;
import io.qmq.application.port.in.ReportBacklogUseCase;
import io.qmq.application.port.out.MessageLog;
import io.qmq.application.port.out.PullLog;
import io.qmq.domain.consumer.Consumer;
import io.qmq.domain.consumer.Subscription;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes each subscription's backlog from the log's end, the group's cursor and its consumers'
 * un-acknowledged pulls. Cheap enough to run on every metrics scrape.
 */
public final class ReportBacklogService implements ReportBacklogUseCase {

    private final MessageLog log;
    private final PullLog pullLog;

    public ReportBacklogService(MessageLog log, PullLog pullLog) {
        this.log = log;
        this.pullLog = pullLog;
    }

    @Override
    public List<Backlog> backlogs() {
        Map<Subscription, Long> unacked = new HashMap<>();
        for (Consumer consumer : pullLog.consumers()) {
            pullLog.progress(consumer).unacked()
                    .ifPresent(range -> unacked.merge(consumer.subscription(), range.count(), Long::sum));
        }
        List<Backlog> backlogs = new ArrayList<>();
        for (Subscription subscription : pullLog.subscriptions()) {
            long cursor = pullLog.cursor(subscription).orElse(0);
            long undelivered = Math.max(0, log.endSequence(subscription.subject()) - cursor);
            backlogs.add(new Backlog(subscription, undelivered, unacked.getOrDefault(subscription, 0L)));
        }
        return backlogs;
    }
}

package io.qmq.domain.cluster;

import io.qmq.domain.consumer.Subscription;
import java.util.List;
import java.util.Objects;

/**
 * What one broker group last told the meta server about its consumers' backlogs.
 *
 * <p>A complete report lists every subscription of the group that has a backlog, so a subscription it
 * leaves out has none there. An incomplete one (the broker left its smallest backlogs out to keep the
 * report small) says nothing about the subscriptions it leaves out.
 *
 * @param brokerGroup the reporting group
 * @param reportedAt  when the meta server received it, epoch milliseconds
 * @param complete    whether every subscription with a backlog is listed
 * @param entries     the subscriptions' backlogs, at most one entry per subscription
 */
public record BacklogReport(String brokerGroup, long reportedAt, boolean complete, List<Entry> entries) {

    public BacklogReport {
        Objects.requireNonNull(brokerGroup, "broker group");
        entries = List.copyOf(entries);
    }

    /**
     * @param subscription   a consumer group's stream of a subject (retry subjects have their own)
     * @param undelivered    messages stored but not yet handed to any consumer of the group
     * @param unacknowledged messages handed out but not yet acknowledged
     */
    public record Entry(Subscription subscription, long undelivered, long unacknowledged) {

        public Entry {
            Objects.requireNonNull(subscription, "subscription");
            if (undelivered < 0 || unacknowledged < 0) {
                throw new IllegalArgumentException("backlog of " + subscription + " cannot be negative: "
                        + undelivered + " undelivered, " + unacknowledged + " unacknowledged");
            }
        }
    }
}

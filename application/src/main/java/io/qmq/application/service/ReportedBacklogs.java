package io.qmq.application.service;

import io.qmq.application.port.in.ConsumerGroupBacklog;
import io.qmq.application.port.in.ConsumerGroupBacklog.Share;
import io.qmq.domain.cluster.BacklogReport;
import io.qmq.domain.message.Subject;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The broker groups' latest backlog reports, indexed once per listing by group and by (real subject,
 * consumer group): a retry subject's backlog counts towards its real subject's, apart from the rest.
 * Dead letters are nobody's backlog and are left out.
 */
final class ReportedBacklogs {

    private static final int UNDELIVERED = 0;
    private static final int UNACKNOWLEDGED = 1;
    private static final int RETRY_UNDELIVERED = 2;
    private static final int RETRY_UNACKNOWLEDGED = 3;

    private record Key(Subject subject, String consumerGroup) {
    }

    private final Map<String, BacklogReport> reportsByGroup = new TreeMap<>();
    private final Map<String, Map<Key, long[]>> countsByGroup = new HashMap<>();
    private final long now;

    ReportedBacklogs(List<BacklogReport> reports, long now) {
        this.now = now;
        for (BacklogReport report : reports) {
            reportsByGroup.put(report.brokerGroup(), report);
            Map<Key, long[]> counts = new HashMap<>();
            report.entries().forEach(entry -> add(counts, entry));
            countsByGroup.put(report.brokerGroup(), counts);
        }
    }

    private static void add(Map<Key, long[]> counts, BacklogReport.Entry entry) {
        Subject subject = entry.subscription().subject();
        if (subject.isDeadLetter()) {
            return;
        }
        int offset = subject.isRetry() ? RETRY_UNDELIVERED : UNDELIVERED;
        long[] sums = counts.computeIfAbsent(new Key(subject.real(), entry.subscription().group().name()), k -> new long[4]);
        sums[offset] += entry.undelivered();
        sums[offset + 1] += entry.unacknowledged();
    }

    /** The group's backlog on the subject over the routed groups and any other group that reports one. */
    ConsumerGroupBacklog of(Subject subject, String consumerGroup, List<String> routedGroups) {
        Key key = new Key(subject, consumerGroup);
        Set<String> groups = new LinkedHashSet<>(routedGroups);
        reportsByGroup.keySet().stream().filter(g -> countsByGroup.get(g).containsKey(key)).forEach(groups::add);
        return new ConsumerGroupBacklog(groups.stream().map(g -> share(g, key)).toList());
    }

    private Share share(String group, Key key) {
        BacklogReport report = reportsByGroup.get(group);
        if (report == null) {
            return Share.unknown(group);
        }
        long[] sums = countsByGroup.get(group).get(key);
        if (sums == null && !report.complete()) {
            return Share.unknown(group);
        }
        long[] counts = sums == null ? new long[4] : sums;
        return new Share(group, true, report.reportedAt(), Math.max(0, now - report.reportedAt()), counts[UNDELIVERED],
                counts[UNACKNOWLEDGED], counts[RETRY_UNDELIVERED], counts[RETRY_UNACKNOWLEDGED]);
    }
}

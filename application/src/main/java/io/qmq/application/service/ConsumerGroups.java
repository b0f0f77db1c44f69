package io.qmq.application.service;

import io.qmq.application.port.in.ConsumerGroupView;
import io.qmq.application.port.out.BacklogReportStore;
import io.qmq.application.port.out.ClientRegistrationStore;
import io.qmq.domain.cluster.ClientRegistration;
import io.qmq.domain.cluster.ClientType;
import io.qmq.domain.message.Subject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups a subject's consumer registrations by consumer group, each with its backlog as the broker groups
 * reported it. Clients register again every minute, so one seen within {@code onlineWindow} (a few
 * minutes, to forgive a late refresh) counts as online.
 */
public final class ConsumerGroups {

    /** Three missed-by-a-little refreshes of the clients' 60 s registration. */
    public static final Duration DEFAULT_ONLINE_WINDOW = Duration.ofMinutes(3);

    private final ClientRegistrationStore registrations;
    private final BacklogReportStore backlogReports;
    private final Clock clock;
    private final Duration onlineWindow;

    public ConsumerGroups(ClientRegistrationStore registrations, BacklogReportStore backlogReports, Clock clock,
                          Duration onlineWindow) {
        this.registrations = registrations;
        this.backlogReports = backlogReports;
        this.clock = clock;
        this.onlineWindow = onlineWindow;
    }

    /** Reads the latest backlog reports once, for a listing of one subject or many. */
    ReportedBacklogs reportedBacklogs() {
        return new ReportedBacklogs(backlogReports.all(), clock.millis());
    }

    /** The consumer groups of the subject (routed to {@code brokerGroups}), in order of their first registration. */
    List<ConsumerGroupView> of(Subject subject, List<String> brokerGroups, ReportedBacklogs backlogs) {
        long onlineSince = clock.millis() - onlineWindow.toMillis();
        Map<String, List<ConsumerGroupView.Consumer>> byGroup = new LinkedHashMap<>();
        for (ClientRegistration r : registrations.registrations(subject)) {
            // a consumer registration without a group is a delay server reading the route, not a consumer
            if (r.type() == ClientType.CONSUMER && !r.consumerGroup().isEmpty()) {
                byGroup.computeIfAbsent(r.consumerGroup(), g -> new ArrayList<>())
                        .add(new ConsumerGroupView.Consumer(r.clientId(), r.appCode(), r.at(), r.at() >= onlineSince));
            }
        }
        List<ConsumerGroupView> views = new ArrayList<>();
        byGroup.forEach((group, members) -> views.add(
                new ConsumerGroupView(subject, group, members, backlogs.of(subject, group, brokerGroups))));
        return views;
    }
}

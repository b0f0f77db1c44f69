package io.qmq.application.service;

import io.qmq.application.port.in.ConsumerGroupView;
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
 * Groups a subject's consumer registrations by consumer group. Clients register again every minute,
 * so one seen within {@code onlineWindow} (a few minutes, to forgive a late refresh) counts as online.
 */
public final class ConsumerGroups {

    /** Three missed-by-a-little refreshes of the clients' 60 s registration. */
    public static final Duration DEFAULT_ONLINE_WINDOW = Duration.ofMinutes(3);

    private final ClientRegistrationStore registrations;
    private final Clock clock;
    private final Duration onlineWindow;

    public ConsumerGroups(ClientRegistrationStore registrations, Clock clock, Duration onlineWindow) {
        this.registrations = registrations;
        this.clock = clock;
        this.onlineWindow = onlineWindow;
    }

    /** The consumer groups of the subject, in order of their first registration. */
    public List<ConsumerGroupView> of(Subject subject) {
        long onlineSince = clock.millis() - onlineWindow.toMillis();
        Map<String, List<ConsumerGroupView.Consumer>> byGroup = new LinkedHashMap<>();
        for (ClientRegistration r : registrations.registrations(subject)) {
            if (r.type() == ClientType.CONSUMER) {
                byGroup.computeIfAbsent(r.consumerGroup(), g -> new ArrayList<>())
                        .add(new ConsumerGroupView.Consumer(r.clientId(), r.appCode(), r.at(), r.at() >= onlineSince));
            }
        }
        List<ConsumerGroupView> views = new ArrayList<>();
        byGroup.forEach((group, members) -> views.add(new ConsumerGroupView(subject, group, members)));
        return views;
    }
}

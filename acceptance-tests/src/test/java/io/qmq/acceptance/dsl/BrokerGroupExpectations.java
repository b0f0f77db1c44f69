package io.qmq.acceptance.dsl;

import static org.awaitility.Awaitility.await;

/** What one broker group of the scenario's cluster stored, as its metrics tell. */
public final class BrokerGroupExpectations {

    private final World world;
    private final String group;

    BrokerGroupExpectations(World world, String group) {
        this.world = world;
        this.group = group;
    }

    /** The group's broker stored messages of {@code subject}: producers were routed to it. */
    public void storedSomeOf(String subject) {
        String wireSubject = world.names.subject(subject);
        await("broker group " + group + " storing messages of " + subject)
                .atMost(Patience.SUBSCRIBING).pollInterval(Patience.POLL)
                .until(() -> world.cluster().messagesStoredBy(group, wireSubject) > 0);
    }
}

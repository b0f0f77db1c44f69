package io.qmq.acceptance.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.regex.Pattern;

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

    /**
     * The group (a delay group) accepted at least every delayed message acknowledged to {@code subject}:
     * producers routed them there, none to the realtime groups.
     */
    public void scheduledEveryDelayedMessageOf(String subject) {
        int acknowledged = world.ledger.keysSentTo(subject).size();
        await("delay group " + group + " scheduling the " + acknowledged + " delayed messages of " + subject)
                .atMost(Patience.SUBSCRIBING).pollInterval(Patience.POLL)
                .until(() -> world.cluster().delayedMessagesScheduledBy(group, world.names.subject(subject))
                        >= acknowledged);
    }

    /**
     * The group's broker has handed out every message of {@code subject} to {@code consumerGroup} and had
     * each acknowledged: its backlog of both kinds comes down to nothing.
     */
    public void hasNothingUnfinishedFor(String consumerGroup, String subject) {
        await("broker group " + group + " holding nothing unfinished of " + subject + " for " + consumerGroup)
                .atMost(Patience.DELIVERY).pollInterval(Patience.POLL)
                .until(() -> world.cluster().unfinishedMessagesOn(group, world.names.subject(subject),
                        world.names.group(consumerGroup)) == 0);
    }

    /** The meta server's admin listing ({@code qmq admin cluster groups}) shows the group's slave, online. */
    public void isListedWithItsSlave() {
        Pattern listed = Pattern.compile("\"name\":\"" + Pattern.quote(group)
                + "\"[^}]*\"slave\":\\{\"address\":\"[^\"]+\",\"state\":\"READ_WRITE\"");
        await("broker group " + group + " listed with its slave")
                .atMost(Patience.SUBSCRIBING).pollInterval(Patience.POLL)
                .until(() -> listed.matcher(world.cluster().listedGroups()).find());
    }

    /** The group stored no message of {@code subject} beyond the {@code stored} it had already. */
    public void storedNoMoreOf(String subject, long stored) {
        assertThat(world.cluster().messagesStoredBy(group, world.names.subject(subject)))
                .as("messages of %s stored by broker group %s", subject, group).isEqualTo(stored);
    }
}

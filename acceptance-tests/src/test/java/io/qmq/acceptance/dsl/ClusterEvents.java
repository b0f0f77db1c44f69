package io.qmq.acceptance.dsl;

import static org.awaitility.Awaitility.await;

import io.qmq.acceptance.driver.ClusterDriver;
import io.qmq.bootstrap.admin.AdminEndpoint;
import java.net.URI;
import java.time.Duration;

/** Nodes of the scenario's cluster (brokers and the meta server) join, die and come back. */
public final class ClusterEvents {

    /** Acknowledged sends that make a kill happen "during a steady send". */
    private static final int SENT_BEFORE_KILL = 300;
    /** Acknowledged sends after a kill that show the producers moved on. */
    private static final int SENT_AFTER_KILL = 200;
    /** The longest a producer that carries on may go without an acknowledgement. */
    private static final Duration ACKNOWLEDGEMENT_GAP = Duration.ofSeconds(3);

    private final World world;

    ClusterEvents(World world) {
        this.world = world;
    }

    /** A broker of a new group starts and registers itself; nobody adds it by hand. */
    public void brokerJoins(String group) {
        world.cluster().startBroker(group);
    }

    /** Once the steady sending is well under way, the group's broker gets SIGKILL. */
    public void brokerIsKilledWhileMessagesAreSent(String group) {
        awaitSteadySending();
        world.cluster().killBroker(group);
    }

    /** Once the steady sending is well under way, the meta server gets SIGKILL; brokers keep running. */
    public void metaServerIsKilledWhileMessagesAreSent() {
        awaitSteadySending();
        world.cluster().killMeta();
    }

    /** The meta server starts again on its data and ports; brokers find it with their next heartbeat. */
    public void metaServerRestarts() {
        world.cluster().restartMeta();
    }

    private void awaitSteadySending() {
        await("at least " + SENT_BEFORE_KILL + " acknowledged sends")
                .atMost(Patience.SENDING).pollInterval(Patience.POLL)
                .until(() -> world.ledger.count() >= SENT_BEFORE_KILL);
    }

    /** The producers go on being acknowledged (by the other groups) within {@code time} of the kill. */
    public void producersCarryOnWithin(Duration time) {
        int before = world.ledger.count();
        await("another " + SENT_AFTER_KILL + " acknowledged sends within " + time)
                .atMost(time).pollInterval(Patience.POLL)
                .until(() -> world.ledger.count() >= before + SENT_AFTER_KILL);
    }

    /**
     * Every second of {@code time} brings more acknowledged sends: producers carry on all along (a
     * second's check may take up to {@link #ACKNOWLEDGEMENT_GAP}, for a busy machine's pauses).
     */
    public void producersKeepBeingAcknowledgedFor(Duration time) {
        for (long second = 0; second < time.toSeconds(); second++) {
            int before = world.ledger.count();
            await("more acknowledged sends than " + before + " a second later")
                    .pollDelay(Duration.ofSeconds(1)).atMost(ACKNOWLEDGEMENT_GAP).pollInterval(Patience.POLL)
                    .until(() -> world.ledger.count() > before);
        }
    }

    /**
     * An operator marks the group read-only through the meta server's admin endpoint; answers how many
     * messages of {@code subject} the group had stored by then.
     */
    public long groupIsMarkedReadOnly(String group, String subject) {
        new AdminEndpoint(URI.create(world.cluster().adminUrl()), ClusterDriver.ADMIN_TOKEN)
                .post("/cluster/groups/" + AdminEndpoint.encode(group) + "/readonly");
        return world.cluster().messagesStoredBy(group, world.names.subject(subject));
    }

    /** SIGKILL to the group's broker (its master, when it has a slave). */
    public void brokerIsKilled(String group) {
        world.cluster().killBroker(group);
    }

    /** An operator promotes the group's slave: stopped, then started on its data as the group's master. */
    public void slaveIsPromoted(String group) {
        world.cluster().promoteSlave(group);
    }

    /** The group's broker starts again on its data directory and ports. */
    public void brokerRestarts(String group) {
        world.cluster().restartBroker(group);
    }
}

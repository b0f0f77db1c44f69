package io.qmq.acceptance.dsl;

import static org.awaitility.Awaitility.await;

/** Failures of the scenario's node in a child process. */
public final class NodeEvents {

    /** Acknowledged sends that make a kill happen "during a steady send". */
    private static final int SENT_BEFORE_KILL = 500;

    private final World world;

    NodeEvents(World world) {
        this.world = world;
    }

    /** Once the steady sending is well under way, the node's process gets SIGKILL. */
    public void isKilledWhileMessagesAreSent() {
        await("at least " + SENT_BEFORE_KILL + " acknowledged sends")
                .atMost(Patience.SENDING).pollInterval(Patience.POLL)
                .until(() -> world.ledger.count() >= SENT_BEFORE_KILL);
        world.childNode().kill();
    }

    /** The node starts again on the same data directory and ports. */
    public void restarts() {
        world.childNode().restart();
    }
}

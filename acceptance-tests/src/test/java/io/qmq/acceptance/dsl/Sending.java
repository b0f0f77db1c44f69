package io.qmq.acceptance.dsl;

import static org.awaitility.Awaitility.await;

import io.qmq.acceptance.driver.ClientKind;

/** One application's producer. */
public final class Sending {

    /** Acknowledged sends after a restart that show the producer works again. */
    private static final int RECOVERY_PROOF = 300;

    private final World world;
    private final ClientKind client;

    Sending(World world, ClientKind client) {
        this.world = world;
        this.client = client;
    }

    public Batch sends(int count) {
        return new Batch(world, world.client(client), count);
    }

    /** Starts sending to {@code subject} steadily in the background. */
    public void keepsSendingTo(String subject) {
        SteadySender sender = world.own(new SteadySender(world, world.client(client), subject));
        world.steadySender(sender);
        sender.start();
    }

    /**
     * Waits until a few hundred more sends were acknowledged (so the producer demonstrably works
     * again), then stops the steady sending and lets what is in flight settle.
     */
    public void stopsSendingOnceItSucceedsAgain() {
        int before = world.ledger.count();
        await("another " + RECOVERY_PROOF + " acknowledged sends")
                .atMost(Patience.SENDING).pollInterval(Patience.POLL)
                .until(() -> world.ledger.count() >= before + RECOVERY_PROOF);
        world.steadySender().close();
    }
}

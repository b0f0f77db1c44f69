package io.qmq.acceptance.dsl;

import static org.awaitility.Awaitility.await;

import io.qmq.acceptance.driver.ClientKind;
import io.qmq.acceptance.driver.ConsumerDriver;

/** What happens: messages are sent, consumers come and go, the node fails. */
public final class When {

    private final World world;

    When(World world) {
        this.world = world;
    }

    public Sending producer(ClientKind client) {
        return new Sending(world, client);
    }

    public ClusterEvents cluster() {
        return new ClusterEvents(world);
    }

    public NodeEvents node() {
        return new NodeEvents(world);
    }

    /** The consumer instance stops and goes away, leaving what it did not finish un-acknowledged. */
    public void consumerDisconnects(String name) {
        ConsumerDriver consumer = world.consumers.remove(name);
        if (consumer == null) {
            throw new IllegalArgumentException("no consumer named " + name + " was started");
        }
        consumer.close();
    }

    /**
     * A paused group's listeners start working, all at once: first every instance of the group must be
     * holding a message, so that none gets a head start.
     */
    public void groupResumes(String group) {
        Gate gate = world.gates.get(group);
        if (gate == null) {
            throw new IllegalArgumentException("no group named " + group + " was started");
        }
        int instances = world.instancesOf(group);
        await("every instance of " + group + " holding a message").atMost(Patience.DELIVERY)
                .pollInterval(Patience.POLL).until(() -> gate.consumersHolding() >= instances);
        gate.open();
    }
}

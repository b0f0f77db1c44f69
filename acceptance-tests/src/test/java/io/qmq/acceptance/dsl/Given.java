package io.qmq.acceptance.dsl;

/** The situation before anything happens: a node, and the consumers already listening. */
public final class Given {

    private final World world;

    Given(World world) {
        this.world = world;
    }

    /** A meta server and broker in this JVM, with the default settings. */
    public void aStandaloneNode() {
        world.startNode(NodeSettings.defaults());
    }

    public void aStandaloneNode(NodeSettings settings) {
        world.startNode(settings);
    }

    /** A meta server and broker in a child JVM, which the test can kill and restart. */
    public void aStandaloneNodeInAChildProcess(NodeSettings settings) {
        world.startChildNode(settings);
    }

    /**
     * A meta server and one broker per named group, each in its own child JVM; brokers register
     * themselves. New subjects are spread over two groups.
     */
    public void aClusterWithBrokerGroups(String... groups) {
        world.startCluster(NodeSettings.forCluster());
        for (String group : groups) {
            world.cluster().startBroker(group);
        }
    }

    /** Consumer instances of {@code group}, named after the group. */
    public Subscribing group(String group) {
        return new Subscribing(world, group, null);
    }

    /** One consumer instance the test refers to by {@code name}. */
    public NamedConsumer consumer(String name) {
        return group -> new Subscribing(world, group, name);
    }

    /** Chooses the group of a named consumer. */
    @FunctionalInterface
    public interface NamedConsumer {
        Subscribing inGroup(String group);
    }
}

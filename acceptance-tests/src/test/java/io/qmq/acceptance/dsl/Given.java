package io.qmq.acceptance.dsl;

import io.qmq.acceptance.driver.FreshMySqlDatabase;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The situation before anything happens: a node, and the consumers already listening. */
public final class Given {

    private static final Logger LOG = LoggerFactory.getLogger(Given.class);
    private static final String NO_MARIADB =
            "MariaDB at " + FreshMySqlDatabase.SERVER + " unreachable: skipping this scenario on MySQL";

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
        startBrokers(groups);
    }

    /**
     * As {@link #aClusterWithBrokerGroups}, with the meta server's data in a fresh database on the local
     * MariaDB instead of embedded H2. Skips the scenario, with a message saying so, when no server answers.
     */
    public void aClusterOnMySqlWithBrokerGroups(String... groups) {
        String jdbcUrl = freshMySqlDatabaseOrSkip().jdbcUrl();
        world.startCluster(NodeSettings.forCluster().keepingDataIn(jdbcUrl, FreshMySqlDatabase.USER));
        startBrokers(groups);
    }

    /**
     * A cluster whose broker group {@code group} is a master in sync replication mode and its slave: a send
     * is acknowledged only once both have it.
     */
    public void aClusterWithAMasterAndSlaveGroup(String group) {
        world.startCluster(NodeSettings.forCluster());
        world.cluster().startSyncMaster(group);
        world.cluster().startSlave(group);
    }

    /** A cluster whose meta server keeps its meta-data in {@code database}, with one broker per named group. */
    public void aClusterWithItsMetaDataIn(Database database, String... groups) {
        if (database == Database.MARIADB) {
            aClusterOnMySqlWithBrokerGroups(groups);
        } else {
            aClusterWithBrokerGroups(groups);
        }
    }

    /** A delay node ({@code --mode delay}) that registers {@code group} with the cluster as a delay group. */
    public void aDelayNode(String group) {
        world.cluster().startDelayNode(group);
    }

    /**
     * A broker of {@code group} in the cluster that keeps its messages in SQL ({@code store.kind=sql}):
     * in embedded H2 under its data directory, or in a fresh database of its own on the local MariaDB.
     */
    public void aBrokerGroupStoringMessagesIn(Database database, String group) {
        Map<String, String> own = new HashMap<>();
        own.put("store.kind", "sql");
        // an empty jdbc.url is the broker's embedded H2, whatever database the cluster uses
        own.put("jdbc.url", database == Database.MARIADB ? freshMySqlDatabaseOrSkip().jdbcUrl() : "");
        own.put("jdbc.username", FreshMySqlDatabase.USER);
        world.cluster().startBroker(group, own);
    }

    /** Consumer instances of {@code group}, named after the group. */
    public Subscribing group(String group) {
        return new Subscribing(world, group, null);
    }

    /** One consumer instance the test refers to by {@code name}. */
    public NamedConsumer consumer(String name) {
        return group -> new Subscribing(world, group, name);
    }

    private void startBrokers(String... groups) {
        for (String group : groups) {
            world.cluster().startBroker(group);
        }
    }

    /** A database dropped only after every node that may use it has stopped. */
    private FreshMySqlDatabase freshMySqlDatabaseOrSkip() {
        if (!FreshMySqlDatabase.serverReachable()) {
            LOG.warn(NO_MARIADB);
        }
        Assumptions.assumeTrue(FreshMySqlDatabase.serverReachable(), NO_MARIADB);
        return world.ownUntilLast(FreshMySqlDatabase.create());
    }

    /** Chooses the group of a named consumer. */
    @FunctionalInterface
    public interface NamedConsumer {
        Subscribing inGroup(String group);
    }
}

package io.qmq.acceptance.driver;

import io.qmq.bootstrap.admin.AdminEndpoint;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cluster of child processes: one meta server ({@code --mode meta}) on the JVM's shared meta port
 * (see {@link SharedMetaServerPort}), and broker groups ({@code --mode broker}) and delay groups
 * ({@code --mode delay}) that register themselves with it. Each node's ports are chosen at its first start
 * and kept, so a restarted node (the meta server too) is found at the same address. What a node stored is
 * read from its Prometheus endpoint, as an operator would.
 */
public final class ClusterDriver implements Node {

    /** The meta server's admin.token: operators' requests carry it. */
    public static final String ADMIN_TOKEN = "acceptance-admin-token";
    private static final String LOOPBACK = "127.0.0.1";

    private final Path runDir;
    private final Map<String, String> settings;
    private final ChildNode meta;
    private final String metaServerUrl;
    private final String adminUrl;
    private final Map<String, ChildNode> brokers = new LinkedHashMap<>();
    private final Map<String, Integer> metricsPorts = new HashMap<>();
    private final Map<String, Integer> replicationPorts = new HashMap<>();

    private ClusterDriver(Path runDir, Map<String, String> settings) {
        this.runDir = runDir;
        this.settings = Map.copyOf(settings);
        Map<String, String> metaSettings = new HashMap<>(SharedMetaServerPort.applyTo(settings));
        int discoveryPort = SharedMetaServerPort.freePort();
        metaSettings.put("meta.server.discover.port", Integer.toString(discoveryPort));
        this.metaServerUrl = "http://" + LOOPBACK + ":" + discoveryPort + "/meta/address";
        int adminPort = SharedMetaServerPort.freePort();
        metaSettings.put("admin.port", Integer.toString(adminPort));
        metaSettings.put("admin.token", ADMIN_TOKEN);
        this.adminUrl = "http://" + LOOPBACK + ":" + adminPort;
        this.meta = new ChildNode("meta", runDir.resolve("meta"), metaSettings, runDir.resolve("meta.log"));
    }

    /** Starts the meta server; {@code settings} are node config keys shared by every node of the cluster. */
    public static ClusterDriver startMeta(Path runDir, Map<String, String> settings) {
        ClusterDriver cluster = new ClusterDriver(runDir, settings);
        cluster.meta.start();
        return cluster;
    }

    /** Starts a broker of {@code group} that registers itself with the meta server. */
    public synchronized void startBroker(String group) {
        startBroker(group, Map.of());
    }

    /** Starts a broker of {@code group} with {@code own} settings over the cluster's (e.g. its store). */
    public synchronized void startBroker(String group, Map<String, String> own) {
        Map<String, String> brokerSettings = new HashMap<>(own);
        brokerSettings.put("broker.group", group);
        brokerSettings.put("broker.port", Integer.toString(SharedMetaServerPort.freePort()));
        startGroupNode("broker", group, brokerSettings);
    }

    /** Starts the master of {@code group} with sync replication, serving its slave on a port of its own. */
    public synchronized void startSyncMaster(String group) {
        int port = SharedMetaServerPort.freePort();
        replicationPorts.put(group, port);
        startBroker(group, Map.of("broker.replication.mode", "sync", "broker.replication.port", Integer.toString(port)));
    }

    /** Starts the slave of {@code group} ({@code broker.role=slave}), copying the group's master. */
    public synchronized void startSlave(String group) {
        Integer masterPort = replicationPorts.get(group);
        if (masterPort == null) {
            throw new IllegalStateException("broker group " + group + " has no master serving a slave");
        }
        Map<String, String> slaveSettings = new HashMap<>();
        slaveSettings.put("broker.group", group);
        slaveSettings.put("broker.role", "slave");
        slaveSettings.put("broker.replication.master", LOOPBACK + ":" + masterPort);
        slaveSettings.put("broker.port", Integer.toString(SharedMetaServerPort.freePort()));
        startGroupNode("broker", slaveOf(group), slaveSettings);
    }

    /**
     * The operator's promotion: the slave of {@code group} stops and starts again on its data directory
     * and ports as the group's master; from then on it is the broker of {@code group}.
     */
    public synchronized void promoteSlave(String group) {
        ChildNode slave = broker(slaveOf(group));
        slave.close();
        ChildNode promoted = slave.withSetting("broker.role", "master", runDir.resolve("broker-" + group + "-promoted.log"));
        brokers.remove(slaveOf(group));
        brokers.put(group, promoted);
        metricsPorts.put(group, metricsPorts.remove(slaveOf(group)));
        promoted.start();
    }

    private static String slaveOf(String group) {
        return group + "-slave";
    }

    /**
     * Starts a delay node ({@code --mode delay}) that registers {@code group} as a delay group and forwards
     * due messages to the realtime groups the meta server lists. It is killed and restarted like a broker.
     */
    public synchronized void startDelayNode(String group) {
        Map<String, String> delaySettings = new HashMap<>();
        delaySettings.put("delay.group", group);
        delaySettings.put("delay.port", Integer.toString(SharedMetaServerPort.freePort()));
        startGroupNode("delay", group, delaySettings);
    }

    /** SIGKILL to the meta server: brokers and clients lose it mid-conversation. */
    public synchronized void killMeta() {
        meta.kill();
    }

    /** Starts the meta server again on its data directory (or database) and ports. */
    public synchronized void restartMeta() {
        meta.start();
    }

    private void startGroupNode(String mode, String group, Map<String, String> own) {
        if (brokers.containsKey(group)) {
            throw new IllegalStateException("broker group " + group + " was already started");
        }
        int metricsPort = SharedMetaServerPort.freePort();
        Map<String, String> nodeSettings = new HashMap<>(settings);
        nodeSettings.putAll(own);
        nodeSettings.put("meta.server.endpoint", metaServerUrl);
        nodeSettings.put("metrics.port", Integer.toString(metricsPort));
        ChildNode node = new ChildNode(mode, runDir.resolve(mode + "-" + group), nodeSettings,
                runDir.resolve(mode + "-" + group + ".log"));
        brokers.put(group, node);
        metricsPorts.put(group, metricsPort);
        node.start();
    }

    /** SIGKILL to the broker of {@code group}. */
    public synchronized void killBroker(String group) {
        broker(group).kill();
    }

    /** Starts the broker of {@code group} again on its data directory and ports. */
    public synchronized void restartBroker(String group) {
        broker(group).start();
    }

    /** Messages of {@code subject} (as sent on the wire) the broker of {@code group} stored since it started. */
    public long messagesStoredBy(String group, String subject) {
        return sampleOf(group, "qmq_messages_stored_total", "subject=\"" + subject + "\"");
    }

    /** Delayed messages of {@code subject} the delay node of {@code group} accepted since it started. */
    public long delayedMessagesScheduledBy(String group, String subject) {
        return sampleOf(group, "qmq_delay_messages_scheduled_total", "subject=\"" + subject + "\"");
    }

    /**
     * Messages of {@code subject} that {@code consumerGroup} has not finished on the broker of {@code group}:
     * not yet handed out, or handed out and not acknowledged (the broker's backlog gauges, summed).
     */
    public long unfinishedMessagesOn(String group, String subject, String consumerGroup) {
        return sampleOf(group, "qmq_backlog_messages", "subject=\"" + subject + "\"",
                "group=\"" + consumerGroup + "\"");
    }

    /** The broker groups as the meta server's admin endpoint lists them (JSON). */
    public String listedGroups() {
        return new AdminEndpoint(URI.create(adminUrl), ADMIN_TOKEN).get("/cluster/groups");
    }

    /** The meta server's admin endpoint, for {@code qmq admin --server}. */
    public String adminUrl() {
        return adminUrl;
    }

    @Override
    public String metaServerUrl() {
        return metaServerUrl;
    }

    /** Brokers first (they report offline to a meta server still there), then the meta server. */
    @Override
    public synchronized void close() {
        List<ChildNode> running = new ArrayList<>(brokers.values());
        running.forEach(ChildNode::close);
        meta.close();
    }

    private ChildNode broker(String group) {
        ChildNode broker = brokers.get(group);
        if (broker == null) {
            throw new IllegalArgumentException("no broker group " + group + " was started; started: " + brokers.keySet());
        }
        return broker;
    }

    /** The sum of the samples of {@code metric} whose labels include every one of {@code labels}. */
    private long sampleOf(String group, String metric, String... labels) {
        return new MetricsEndpoint(metricsPorts.get(group), "broker group " + group).sampleOf(metric, labels);
    }
}

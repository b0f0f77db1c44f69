package io.qmq.acceptance.dsl;

import io.qmq.acceptance.driver.ClientDriver;
import io.qmq.acceptance.driver.ClientKind;
import io.qmq.acceptance.driver.ClusterDriver;
import io.qmq.acceptance.driver.ConsumerDriver;
import io.qmq.acceptance.driver.Node;
import io.qmq.acceptance.driver.NodeDriver;
import io.qmq.acceptance.driver.ProcessNodeDriver;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one scenario has running: its node, one application per client library, the consumer
 * instances, and what was sent and received. Everything is closed after the test, newest first.
 */
final class World {

    final UniqueNames names = new UniqueNames();
    final Ledger ledger = new Ledger();
    final Inbox inbox = new Inbox();
    final Map<String, ConsumerDriver> consumers = new ConcurrentHashMap<>();
    final Map<String, Gate> gates = new ConcurrentHashMap<>();
    private final Map<String, Integer> instancesByGroup = new ConcurrentHashMap<>();
    private final AtomicInteger instancesStarted = new AtomicInteger();
    private final Map<ClientKind, ClientDriver> clients = new EnumMap<>(ClientKind.class);
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private final Path runDir;
    private Node node;
    private NodeSettings settings;
    private SteadySender steadySender;

    World(Path runDir) {
        this.runDir = runDir;
    }

    void startNode(NodeSettings settings) {
        this.settings = settings;
        node = own(NodeDriver.startStandalone(runDir.resolve("data"), settings.asMap()));
    }

    void startChildNode(NodeSettings settings) {
        this.settings = settings;
        node = own(ProcessNodeDriver.startStandalone(runDir.resolve("data"), settings.asMap(),
                runDir.resolve("node.log")));
    }

    void startCluster(NodeSettings settings) {
        this.settings = settings;
        node = own(ClusterDriver.startMeta(runDir, settings.asMap()));
    }

    ClusterDriver cluster() {
        if (node instanceof ClusterDriver cluster) {
            return cluster;
        }
        throw new IllegalStateException("the scenario has no cluster; start one in 'given'");
    }

    ProcessNodeDriver childNode() {
        if (node instanceof ProcessNodeDriver child) {
            return child;
        }
        throw new IllegalStateException("the scenario has no node in a child process; start one in 'given'");
    }

    NodeSettings settings() {
        if (settings == null) {
            throw new IllegalStateException("the scenario has no node yet; start one in 'given'");
        }
        return settings;
    }

    synchronized void steadySender(SteadySender sender) {
        if (steadySender != null) {
            throw new IllegalStateException("the scenario already sends steadily");
        }
        steadySender = sender;
    }

    synchronized SteadySender steadySender() {
        if (steadySender == null) {
            throw new IllegalStateException("nothing is sending steadily; start it in 'when'");
        }
        return steadySender;
    }

    synchronized ClientDriver client(ClientKind kind) {
        if (node == null) {
            throw new IllegalStateException("the scenario has no node yet; start one in 'given'");
        }
        return clients.computeIfAbsent(kind, k -> own(k.connect(node.metaServerUrl())));
    }

    /** A name for an instance the test does not name itself: unique even after others disconnected. */
    String nextInstanceName(String group) {
        return group + "#" + instancesStarted.incrementAndGet();
    }

    void consumerStarted(String group, String name, ConsumerDriver consumer) {
        consumers.put(name, consumer);
        instancesByGroup.merge(group, 1, Integer::sum);
    }

    int instancesOf(String group) {
        return instancesByGroup.getOrDefault(group, 0);
    }

    synchronized <T extends AutoCloseable> T own(T resource) {
        running.push(resource);
        return resource;
    }

    /** Like {@link #own}, but closed after everything the scenario starts, earlier or later: a database. */
    synchronized <T extends AutoCloseable> T ownUntilLast(T resource) {
        running.addLast(resource);
        return resource;
    }

    synchronized void close() throws Exception {
        gates.values().forEach(Gate::open);
        Exception first = null;
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}

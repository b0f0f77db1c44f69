package io.qmq.bootstrap;

import io.qmq.bootstrap.config.NodeConfig;
import io.qmq.bootstrap.config.Settings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A running node: what the command line starts and what acceptance tests drive. Ports configured as
 * 0 are bound to free ones; {@link #boundPort} tells which.
 */
public final class QmqNode implements AutoCloseable {

    private final NodeMode mode;
    private final String host;
    private final Map<String, Integer> boundPorts;
    private final ShutdownSequence shutdown;
    private final CompletableFuture<String> failure;

    QmqNode(NodeMode mode, String host, Map<String, Integer> boundPorts, ShutdownSequence shutdown) {
        this(mode, host, boundPorts, shutdown, new CompletableFuture<>());
    }

    /** A node that may fail on its own: {@code failure} completes with the reason, and the node is then closed. */
    QmqNode(NodeMode mode, String host, Map<String, Integer> boundPorts, ShutdownSequence shutdown,
            CompletableFuture<String> failure) {
        this.mode = mode;
        this.host = host;
        this.boundPorts = Map.copyOf(boundPorts);
        this.shutdown = shutdown;
        this.failure = failure.thenApply(reason -> {
            shutdown.closeAll();
            return reason;
        });
    }

    /**
     * Completes with the reason if the node stopped by itself (a slave whose copy diverged from its master's
     * log); the command then exits with an error instead of idling.
     */
    public CompletableFuture<String> failure() {
        return failure;
    }

    /**
     * Starts a node on the data directory with the given settings (the keys of {@code --set}).
     *
     * @throws io.qmq.bootstrap.config.ConfigurationException for an unknown key or a bad value
     * @throws UnsupportedNodeModeException                   for a mode this build cannot run
     */
    public static QmqNode start(NodeMode mode, Path dataDir, Map<String, String> settings) {
        return start(mode, NodeConfig.load(dataDir, Optional.empty(), settings));
    }

    public static QmqNode start(NodeMode mode, NodeConfig config) {
        return switch (mode) {
            case STANDALONE -> StandaloneNode.start(config);
            case META -> MetaNode.start(config);
            case BROKER -> BrokerNode.start(config);
            case DELAY -> DelayNode.start(config);
        };
    }

    /**
     * The port actually bound for a port key: {@code broker.port}, {@code meta.server.port},
     * {@code meta.server.discover.port} or {@code metrics.port}.
     */
    public int boundPort(String key) {
        Integer port = boundPorts.get(key);
        if (port == null) {
            throw new IllegalArgumentException("a " + mode.label() + " node binds no '" + key + "'; it binds "
                    + boundPorts.keySet());
        }
        return port;
    }

    /** The discovery URL clients are configured with ({@code meta.server.endpoint}). */
    public String metaServerUrl() {
        return "http://" + host + ":" + boundPort(Settings.META_DISCOVER_PORT.key()) + "/meta/address";
    }

    /** {@code host:port} of the broker, as registered with the meta server. */
    public String brokerAddress() {
        return host + ":" + boundPort(Settings.BROKER_PORT.key());
    }

    /**
     * The one line the command prints once the node serves; scripts wait for it. It names what the node
     * serves: {@code meta=<url>} for a meta server, {@code broker=<host:port> metrics=<port>} for a broker,
     * {@code delay=<host:port> metrics=<port>} for a delay node,
     * all three for a standalone node.
     */
    public String readyLine() {
        if (mode == NodeMode.META) {
            return "qmq node ready meta=" + metaServerUrl();
        }
        if (mode == NodeMode.DELAY) {
            return "qmq node ready delay=" + host + ":" + boundPort(Settings.DELAY_PORT.key()) + " metrics="
                    + boundPort(Settings.METRICS_PORT.key());
        }
        String broker = "broker=" + brokerAddress() + " metrics=" + boundPort(Settings.METRICS_PORT.key());
        return mode == NodeMode.BROKER ? "qmq node ready " + broker : "qmq node ready meta=" + metaServerUrl() + " " + broker;
    }

    /**
     * Stops accepting connections, ends the node's threads, then flushes and closes the logs and the
     * meta-data database. Safe to call more than once.
     */
    @Override
    public void close() {
        shutdown.closeAll();
    }
}

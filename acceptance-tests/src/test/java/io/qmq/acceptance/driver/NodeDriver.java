package io.qmq.acceptance.driver;

import io.qmq.bootstrap.NodeMode;
import io.qmq.bootstrap.QmqNode;
import java.nio.file.Path;
import java.util.Map;

/**
 * A standalone node (meta server and broker) running inside the test JVM, on the JVM's shared meta
 * server port (see {@link SharedMetaServerPort}).
 */
public final class NodeDriver implements Node {

    private final QmqNode node;

    private NodeDriver(QmqNode node) {
        this.node = node;
    }

    /** Starts a standalone node on {@code dataDir}; {@code settings} are node config keys and values. */
    public static NodeDriver startStandalone(Path dataDir, Map<String, String> settings) {
        return new NodeDriver(QmqNode.start(NodeMode.STANDALONE, dataDir, SharedMetaServerPort.applyTo(settings)));
    }

    @Override
    public String metaServerUrl() {
        return node.metaServerUrl();
    }

    /** The port bound for a port setting, e.g. {@code admin.port}. */
    public int boundPort(String key) {
        return node.boundPort(key);
    }

    @Override
    public void close() {
        node.close();
    }
}

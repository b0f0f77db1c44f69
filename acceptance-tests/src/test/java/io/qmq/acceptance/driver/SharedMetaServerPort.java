package io.qmq.acceptance.driver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/**
 * The meta server TCP port every node of this test JVM binds, one node after the other.
 *
 * <p>Why: the stock client 1.1.43 keeps a single meta connection per JVM and caches the meta server's
 * {@code host:port} for 60 seconds; a second node on another port would not be asked for routes until
 * that cache expires, and the stock client's first route request blocks until it gets an answer. With
 * every node on the same meta port, the stock client simply reconnects to whichever node is running.
 * Nodes of one JVM never run at the same time: scenarios run one after the other and close their node.
 */
final class SharedMetaServerPort {

    static final String KEY = "meta.server.port";

    private static final int PORT = freePort();

    private SharedMetaServerPort() {
    }

    /** {@code settings} with the shared meta port unless the caller chose one (0 means "choose"). */
    static Map<String, String> applyTo(Map<String, String> settings) {
        Map<String, String> applied = new HashMap<>(settings);
        if (applied.getOrDefault(KEY, "0").equals("0")) {
            applied.put(KEY, Integer.toString(PORT));
        }
        return applied;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("finding a free loopback port", e);
        }
    }
}

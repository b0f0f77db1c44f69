package io.qmq.adapters.netty;

import java.util.Objects;

/**
 * How the meta server listens.
 *
 * @param bindHost       interface to bind both endpoints to
 * @param port           TCP port of the QMQ protocol (CLIENT_REGISTER); 0 picks a free one
 * @param discoveryPort  HTTP port of {@code GET /meta/address}; 0 picks a free one
 * @param advertisedHost host (IP or resolvable name, not IPv6) that discovery tells clients to connect to
 */
public record MetaServerConfig(String bindHost, int port, int discoveryPort, String advertisedHost) {

    public static final int DEFAULT_PORT = 20880;
    public static final int DEFAULT_DISCOVERY_PORT = 8080;

    public MetaServerConfig {
        Objects.requireNonNull(bindHost, "bind host");
        Objects.requireNonNull(advertisedHost, "advertised host");
        checkPort("meta server port", port);
        checkPort("meta discovery port", discoveryPort);
        if (advertisedHost.isBlank() || advertisedHost.contains(":")) {
            throw new IllegalArgumentException("advertised host must be a name or IPv4 address, got '" + advertisedHost + "'");
        }
    }

    private static void checkPort(String what, int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(what + " must be 0..65535, got " + port);
        }
    }
}

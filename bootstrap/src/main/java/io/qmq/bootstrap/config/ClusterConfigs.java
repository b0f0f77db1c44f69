package io.qmq.bootstrap.config;

import io.qmq.adapters.netty.registration.RegistrationConfig;
import io.qmq.domain.cluster.BrokerGroupKind;
import java.net.URI;
import java.time.Duration;

/** The settings of nodes that run apart and find each other: a broker and its meta server. */
public final class ClusterConfigs {

    private final NodeConfig config;

    public ClusterConfigs(NodeConfig config) {
        this.config = config;
    }

    /** A broker node needs {@code meta.server.endpoint}: the meta server's discovery URL. */
    public URI metaServerEndpoint() {
        String endpoint = config.get(Settings.META_ENDPOINT);
        if (endpoint.isEmpty()) {
            throw new ConfigurationException("a broker node needs meta.server.endpoint, the discovery URL of the meta "
                    + "server (e.g. http://meta-host:8080/meta/address)");
        }
        try {
            return URI.create(endpoint);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("meta.server.endpoint is not a URL: " + e.getMessage(), e);
        }
    }

    /** How a broker listening on {@code brokerPort} registers: its group, at {@code node.host:brokerPort}. */
    public RegistrationConfig registration(int brokerPort) {
        URI endpoint = metaServerEndpoint();
        try {
            return new RegistrationConfig(endpoint, config.get(Settings.BROKER_GROUP),
                    config.get(Settings.NODE_HOST) + ":" + brokerPort, BrokerGroupKind.REALTIME,
                    Duration.ofSeconds(config.get(Settings.BROKER_HEARTBEAT_SECONDS)),
                    RegistrationConfig.DEFAULT_REQUEST_TIMEOUT);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("invalid combination of meta.server.endpoint, broker.group, node.host, "
                    + "broker.heartbeat.interval.seconds: " + e.getMessage(), e);
        }
    }

    /** Silence after which a meta server takes a broker group off clients' routes. */
    public Duration brokerHeartbeatTimeout() {
        return Duration.ofSeconds(config.get(Settings.META_HEARTBEAT_TIMEOUT_SECONDS));
    }
}

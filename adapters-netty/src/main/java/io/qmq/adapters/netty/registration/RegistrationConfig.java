package io.qmq.adapters.netty.registration;

import io.qmq.domain.cluster.BrokerGroupKind;
import io.qmq.domain.cluster.BrokerRole;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How a broker announces itself to the meta server.
 *
 * @param metaServer        the meta server's HTTP discovery URL ({@code meta.server.endpoint})
 * @param groupName         the broker group this broker belongs to ({@code broker.group})
 * @param advertisedAddress {@code host:port} clients are told to connect to
 * @param kind              realtime broker or delay server; decides the role sent
 * @param heartbeatInterval time between heartbeats; the meta server's timeout should be about three of them
 * @param requestTimeout    how long one registration waits for its answer
 * @param role              the broker's place in its group, of the group's kind: only masters are routed to
 */
public record RegistrationConfig(URI metaServer, String groupName, String advertisedAddress, BrokerGroupKind kind,
                                 Duration heartbeatInterval, Duration requestTimeout, BrokerRole role) {

    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(2);

    public RegistrationConfig {
        Objects.requireNonNull(metaServer, "meta server endpoint");
        Objects.requireNonNull(groupName, "group name");
        Objects.requireNonNull(advertisedAddress, "advertised address");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(role, "role");
        if (role.kind() != kind) {
            throw new IllegalArgumentException("role " + role + " does not belong to a " + kind + " group");
        }
        if (groupName.isBlank()) {
            throw new IllegalArgumentException("broker group name is empty");
        }
        if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
            throw new IllegalArgumentException("heartbeat interval must be positive, got " + heartbeatInterval);
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("registration timeout must be positive, got " + requestTimeout);
        }
    }

    /** A master of its group's kind. */
    public RegistrationConfig(URI metaServer, String groupName, String advertisedAddress, BrokerGroupKind kind,
                              Duration heartbeatInterval, Duration requestTimeout) {
        this(metaServer, groupName, advertisedAddress, kind, heartbeatInterval, requestTimeout,
                kind == BrokerGroupKind.DELAY ? BrokerRole.DELAY_MASTER : BrokerRole.MASTER);
    }

    /** The same registration in another role of the group's kind. */
    public RegistrationConfig as(BrokerRole newRole) {
        return new RegistrationConfig(metaServer, groupName, advertisedAddress, kind, heartbeatInterval, requestTimeout, newRole);
    }
}

package io.qmq.bootstrap.wiring;

import io.qmq.adapters.netty.ReplicationServerConfig;
import io.qmq.application.service.ReplicationMode;
import io.qmq.domain.cluster.BrokerRole;
import java.time.Duration;
import java.util.Objects;

/**
 * A broker node's place in replication and how a master serves its slave.
 *
 * @param role        master or slave: a slave copies its master and exports no consumer backlog
 * @param mode        off, async or sync
 * @param syncTimeout in sync mode, how long a send waits for the slave before it is answered with an error
 * @param server      where the master listens for its slave
 */
public record ReplicationSettings(BrokerRole role, ReplicationMode mode, Duration syncTimeout,
                                  ReplicationServerConfig server) {

    public ReplicationSettings {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(syncTimeout, "sync timeout");
        Objects.requireNonNull(server, "server");
    }

    public boolean isSlave() {
        return !role.isMaster();
    }
}

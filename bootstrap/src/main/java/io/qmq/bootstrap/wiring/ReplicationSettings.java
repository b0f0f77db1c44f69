package io.qmq.bootstrap.wiring;

import io.qmq.adapters.netty.ReplicationServerConfig;
import io.qmq.application.service.ReplicationMode;
import java.time.Duration;
import java.util.Objects;

/**
 * How a broker node's master serves its slave.
 *
 * @param mode        off, async or sync
 * @param syncTimeout in sync mode, how long a send waits for the slave before it is answered with an error
 * @param server      where the master listens for its slave
 */
public record ReplicationSettings(ReplicationMode mode, Duration syncTimeout, ReplicationServerConfig server) {

    public ReplicationSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(syncTimeout, "sync timeout");
        Objects.requireNonNull(server, "server");
    }
}

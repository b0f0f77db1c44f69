package io.qmq.bootstrap.config;

import io.qmq.adapters.netty.ReplicationServerConfig;
import io.qmq.adapters.netty.replication.ReplicationClientConfig;
import io.qmq.application.service.ReplicationMode;
import java.time.Duration;

/**
 * A broker's place in its master/slave pair: {@code broker.role}, and for a master how it serves its
 * slave ({@code broker.replication.mode}, {@code .port}, {@code .sync.timeout.ms}), for a slave where its
 * master is ({@code broker.replication.master}).
 */
public final class ReplicationConfigs {

    private static final String MASTER = "master";
    private static final String SLAVE = "slave";
    private static final String FILE_STORE = "file";

    private final NodeConfig config;

    public ReplicationConfigs(NodeConfig config) {
        this.config = config;
    }

    /** Whether this broker is a slave; refuses roles other than master and slave. */
    public boolean isSlave() {
        String role = config.get(Settings.BROKER_ROLE);
        if (!role.equals(MASTER) && !role.equals(SLAVE)) {
            throw new ConfigurationException("broker.role must be master or slave, got '" + role + "'");
        }
        return role.equals(SLAVE);
    }

    /** The master's mode; replication needs the file store, whose log it copies byte for byte. */
    public ReplicationMode mode() {
        ReplicationMode mode = config.get(Settings.REPLICATION_MODE);
        if (mode != ReplicationMode.OFF && !FILE_STORE.equals(config.get(Settings.STORE_KIND))) {
            throw new ConfigurationException("broker.replication.mode=" + mode.label() + " needs store.kind=file: "
                    + "only the file message log is replicated");
        }
        return mode;
    }

    public Duration syncTimeout() {
        return Duration.ofMillis(config.get(Settings.REPLICATION_SYNC_TIMEOUT_MS));
    }

    public ReplicationServerConfig server() {
        return ReplicationServerConfig.listeningOn(config.get(Settings.BIND_HOST), config.get(Settings.REPLICATION_PORT),
                config.get(Settings.BROKER_GROUP));
    }

    /** A slave needs {@code broker.replication.master} as {@code host:port}, and the file store. */
    public ReplicationClientConfig client() {
        String master = config.get(Settings.REPLICATION_MASTER);
        int colon = master.lastIndexOf(':');
        if (colon <= 0 || colon == master.length() - 1) {
            throw new ConfigurationException("a slave (broker.role=slave) needs broker.replication.master, the master's "
                    + "host:port of broker.replication.port (e.g. 10.0.0.5:20882), got '" + master + "'");
        }
        if (!FILE_STORE.equals(config.get(Settings.STORE_KIND))) {
            throw new ConfigurationException("a slave needs store.kind=file: only the file message log is replicated");
        }
        try {
            return ReplicationClientConfig.of(config.get(Settings.BROKER_GROUP), master.substring(0, colon),
                    Integer.parseInt(master.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("broker.replication.master '" + master + "' is not host:port: " + e.getMessage(), e);
        }
    }
}

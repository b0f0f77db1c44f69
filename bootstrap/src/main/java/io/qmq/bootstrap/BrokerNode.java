package io.qmq.bootstrap;

import io.qmq.adapters.metrics.MetricsServer;
import io.qmq.adapters.netty.BrokerServer;
import io.qmq.adapters.netty.ReplicationServer;
import io.qmq.adapters.netty.registration.BrokerRegistrar;
import io.qmq.application.service.BrokerSettings;
import io.qmq.application.service.ReplicationMode;
import io.qmq.bootstrap.config.AdapterConfigs;
import io.qmq.bootstrap.config.ClusterConfigs;
import io.qmq.bootstrap.config.NodeConfig;
import io.qmq.bootstrap.config.ReplicationConfigs;
import io.qmq.bootstrap.config.Settings;
import io.qmq.bootstrap.wiring.BrokerComponent;
import io.qmq.bootstrap.wiring.DaggerBrokerComponent;
import io.qmq.bootstrap.wiring.NodeThreads;
import io.qmq.bootstrap.wiring.ReplicationSettings;
import io.qmq.bootstrap.wiring.StoreChoice;
import io.qmq.domain.cluster.BrokerRole;
import io.qmq.domain.consumer.StartPosition;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a realtime broker alone and registers it with the meta server {@code meta.server.endpoint}
 * finds: a master, serving its slave when {@code broker.replication.mode} is async or sync, or a slave
 * ({@link SlaveNode}). Registration starts only once the broker serves, so clients are never routed to a
 * broker that cannot answer; on a clean stop the registrar reports OFFLINE before the server stops accepting.
 */
final class BrokerNode {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerNode.class);
    private static final String SQL_STORE = "sql";

    private BrokerNode() {
    }

    static QmqNode start(NodeConfig config) {
        AdapterConfigs configs = new AdapterConfigs(config);
        ClusterConfigs cluster = new ClusterConfigs(config);
        ReplicationConfigs replication = new ReplicationConfigs(config);
        if (replication.isSlave()) {
            return SlaveNode.start(config);
        }
        cluster.metaServerEndpoint();
        ReplicationSettings replicationSettings = new ReplicationSettings(BrokerRole.MASTER, replication.mode(),
                replication.syncTimeout(), replication.server());
        DataDirectory.create(configs.dataDir());
        LOG.info("starting broker node on {} with {}", configs.dataDir(), config.describe());
        NodeThreads threads = new NodeThreads(config.get(Settings.PULL_WORKER_THREADS));
        StoreChoice store = new StoreChoice(config.get(Settings.STORE_KIND));
        BrokerComponent node = DaggerBrokerComponent.factory().create(Clock.systemUTC(), threads, store,
                promotedOrNot(configs), configs.fileStore(), configs.sqlStore(), configs.metrics(),
                configs.brokerServer(), replicationSettings);
        ShutdownSequence shutdown = new ShutdownSequence();
        try {
            return serve(node, store, configs, cluster, threads, replicationSettings.mode(), shutdown);
        } catch (RuntimeException e) {
            shutdown.closeAll();
            threads.close();
            throw e;
        }
    }

    /**
     * A master on a former slave's data directory knows the consumer groups of the last progress copy,
     * up to about 5 s old; a group the old master created after it would be new here. So until the
     * operator deletes the marker each group new to this master starts at the earliest message: it may
     * see messages again, but none the old master stored is skipped.
     */
    private static BrokerSettings promotedOrNot(AdapterConfigs configs) {
        BrokerSettings settings = configs.brokerSettings();
        if (!ReplicaMarker.isPresent(configs.dataDir()) || settings.newGroupStart() == StartPosition.EARLIEST) {
            return settings;
        }
        LOG.warn("{} holds {}: this master was a slave, so consumer groups new to it start at the earliest message "
                + "(at-least-once after promotion); delete the file once consumers have caught up",
                configs.dataDir(), ReplicaMarker.FILE_NAME);
        return new BrokerSettings(settings.retryDelay(), settings.consumerOfflineAfter(), StartPosition.EARLIEST,
                settings.maxPullBytes(), settings.sizeLimit());
    }

    private static QmqNode serve(BrokerComponent node, StoreChoice store, AdapterConfigs configs,
                                 ClusterConfigs cluster, NodeThreads threads, ReplicationMode replication,
                                 ShutdownSequence shutdown) {
        if (SQL_STORE.equals(store.kind())) {
            shutdown.started("message database", node.sqlDatabase());
        }
        shutdown.started("message log", node.messageLog());
        shutdown.started("pull log", node.pullLog());
        shutdown.started("node threads", threads);
        MetricsServer metrics = shutdown.started("metrics endpoint", node.metricsServer());
        Map<String, Integer> ports = new LinkedHashMap<>();
        if (replication != ReplicationMode.OFF) {
            ReplicationServer slaves = shutdown.started("replication server", node.replicationServer().start());
            ports.put(Settings.REPLICATION_PORT.key(), slaves.port());
            LOG.info("replication to the slave is {}", replication.label());
        }
        BrokerServer broker = shutdown.started("broker server", node.brokerServer().start());
        SilentConsumerSweep.schedule(node.redeliverSilentConsumers(), threads.housekeeping(),
                configs.silentConsumerCheckInterval());
        shutdown.started("meta registration",
                new BrokerRegistrar(cluster.registration(broker.port()), node.brokerAvailability(), node.reportBacklog()).start());
        ports.put(Settings.BROKER_PORT.key(), broker.port());
        ports.put(Settings.METRICS_PORT.key(), metrics.port());
        return new QmqNode(NodeMode.BROKER, configs.advertisedHost(), ports, shutdown);
    }
}

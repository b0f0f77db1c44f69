package io.qmq.bootstrap;

import io.qmq.adapters.metrics.MetricsServer;
import io.qmq.adapters.netty.BrokerServer;
import io.qmq.adapters.netty.registration.BrokerRegistrar;
import io.qmq.bootstrap.config.AdapterConfigs;
import io.qmq.bootstrap.config.ClusterConfigs;
import io.qmq.bootstrap.config.NodeConfig;
import io.qmq.bootstrap.config.Settings;
import io.qmq.bootstrap.wiring.BrokerComponent;
import io.qmq.bootstrap.wiring.DaggerBrokerComponent;
import io.qmq.bootstrap.wiring.NodeThreads;
import io.qmq.bootstrap.wiring.StoreChoice;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a realtime broker alone and registers it with the meta server {@code meta.server.endpoint}
 * finds. Registration starts only once the broker serves, so clients are never routed to a broker that
 * cannot answer; on a clean stop the registrar reports OFFLINE before the server stops accepting.
 */
final class BrokerNode {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerNode.class);
    private static final String SQL_STORE = "sql";

    private BrokerNode() {
    }

    static QmqNode start(NodeConfig config) {
        AdapterConfigs configs = new AdapterConfigs(config);
        ClusterConfigs cluster = new ClusterConfigs(config);
        cluster.requireMasterRole();
        cluster.metaServerEndpoint();
        DataDirectory.create(configs.dataDir());
        LOG.info("starting broker node on {} with {}", configs.dataDir(), config.describe());
        NodeThreads threads = new NodeThreads(config.get(Settings.PULL_WORKER_THREADS));
        StoreChoice store = new StoreChoice(config.get(Settings.STORE_KIND));
        BrokerComponent node = DaggerBrokerComponent.factory().create(Clock.systemUTC(), threads, store,
                configs.brokerSettings(), configs.fileStore(), configs.sqlStore(), configs.metrics(),
                configs.brokerServer());
        ShutdownSequence shutdown = new ShutdownSequence();
        try {
            return serve(node, store, configs, cluster, threads, shutdown);
        } catch (RuntimeException e) {
            shutdown.closeAll();
            threads.close();
            throw e;
        }
    }

    private static QmqNode serve(BrokerComponent node, StoreChoice store, AdapterConfigs configs,
                                 ClusterConfigs cluster, NodeThreads threads, ShutdownSequence shutdown) {
        if (SQL_STORE.equals(store.kind())) {
            shutdown.started("message database", node.sqlDatabase());
        }
        shutdown.started("message log", node.messageLog());
        shutdown.started("pull log", node.pullLog());
        shutdown.started("node threads", threads);
        MetricsServer metrics = shutdown.started("metrics endpoint", node.metricsServer());
        BrokerServer broker = shutdown.started("broker server", node.brokerServer().start());
        SilentConsumerSweep.schedule(node.redeliverSilentConsumers(), threads.housekeeping(),
                configs.silentConsumerCheckInterval());
        shutdown.started("meta registration",
                new BrokerRegistrar(cluster.registration(broker.port()), node.brokerAvailability(), node.reportBacklog()).start());
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put(Settings.BROKER_PORT.key(), broker.port());
        ports.put(Settings.METRICS_PORT.key(), metrics.port());
        return new QmqNode(NodeMode.BROKER, configs.advertisedHost(), ports, shutdown);
    }
}

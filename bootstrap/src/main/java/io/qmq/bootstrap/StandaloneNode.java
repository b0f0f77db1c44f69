package io.qmq.bootstrap;

import io.qmq.adapters.metrics.MetricsServer;
import io.qmq.adapters.netty.BrokerServer;
import io.qmq.adapters.netty.MetaServer;
import io.qmq.bootstrap.config.AdapterConfigs;
import io.qmq.bootstrap.config.ConfigurationException;
import io.qmq.bootstrap.config.NodeConfig;
import io.qmq.bootstrap.config.Settings;
import io.qmq.bootstrap.wiring.DaggerStandaloneComponent;
import io.qmq.bootstrap.wiring.NodeThreads;
import io.qmq.bootstrap.wiring.StandaloneComponent;
import io.qmq.bootstrap.wiring.StoreChoice;
import io.qmq.domain.cluster.BrokerGroup;
import io.qmq.domain.cluster.BrokerGroupKind;
import io.qmq.domain.cluster.BrokerState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a meta server, a broker and a delay server in one process. The order matters twice: storage opens before
 * any server accepts a request, and (through {@link ShutdownSequence}) servers stop before the
 * threads and the logs behind them.
 */
final class StandaloneNode {

    private static final Logger LOG = LoggerFactory.getLogger(StandaloneNode.class);

    private StandaloneNode() {
    }

    static QmqNode start(NodeConfig config) {
        AdapterConfigs configs = new AdapterConfigs(config);
        createDataDir(configs.dataDir());
        LOG.info("starting standalone node on {} with {}", configs.dataDir(), config.describe());
        Clock clock = Clock.systemUTC();
        NodeThreads threads = new NodeThreads(config.get(Settings.PULL_WORKER_THREADS));
        StandaloneComponent node = DaggerStandaloneComponent.factory().create(clock, threads,
                new StoreChoice(config.get(Settings.STORE_KIND)), configs.brokerSettings(), configs.routeSettings(),
                configs.fileStore(), configs.sqlStore(), configs.metrics(), configs.metaServer(), configs.brokerServer(),
                configs.delaySettings(), configs.scheduleStore(), configs.delayServer());
        ShutdownSequence shutdown = new ShutdownSequence();
        try {
            return serve(node, config, configs, threads, clock, shutdown);
        } catch (RuntimeException e) {
            shutdown.closeAll();
            threads.close();
            throw e;
        }
    }

    private static QmqNode serve(StandaloneComponent node, NodeConfig config, AdapterConfigs configs,
                                 NodeThreads threads, Clock clock, ShutdownSequence shutdown) {
        shutdown.started("meta-data database", node.sqlDatabase());
        shutdown.started("message log", node.messageLog());
        shutdown.started("pull log", node.pullLog());
        shutdown.started("node threads", threads);
        MetricsServer metrics = shutdown.started("metrics endpoint", node.metricsServer());
        MetaServer meta = shutdown.started("meta server", node.metaServer().start());
        BrokerServer broker = shutdown.started("broker server", node.brokerServer().start());
        String host = configs.advertisedHost();
        String group = config.get(Settings.BROKER_GROUP);
        node.registerBroker().register(new BrokerGroup(group, BrokerGroupKind.REALTIME, host + ":" + broker.port(),
                BrokerState.READ_WRITE, clock.millis()));
        Map<String, Integer> ports = new LinkedHashMap<>();
        serveDelay(node, config, configs, clock, shutdown, ports);
        SilentConsumerSweep.schedule(node.redeliverSilentConsumers(), threads.housekeeping(),
                configs.silentConsumerCheckInterval());
        LocalBacklogReports.schedule(node.reportBacklog(), node.recordBacklog(), group, clock, threads.housekeeping(),
                Duration.ofSeconds(config.get(Settings.BROKER_HEARTBEAT_SECONDS)));
        ports.put(Settings.META_DISCOVER_PORT.key(), meta.discoveryPort());
        ports.put(Settings.META_PORT.key(), meta.port());
        ports.put(Settings.BROKER_PORT.key(), broker.port());
        ports.put(Settings.METRICS_PORT.key(), metrics.port());
        LOG.info("broker group {} registered at {}:{}", group, host, broker.port());
        return new QmqNode(NodeMode.STANDALONE, host, ports, shutdown);
    }

    /**
     * The delay server beside the broker, listed with the meta server beside it so that producers'
     * DELAY_PRODUCER lookups find it, and its admin endpoint when one is configured.
     */
    private static void serveDelay(StandaloneComponent node, NodeConfig config, AdapterConfigs configs, Clock clock,
                                   ShutdownSequence shutdown, Map<String, Integer> ports) {
        BrokerServer delay = DelayStart.start(node, shutdown);
        DelayStart.registerLocally(node.registerBroker(), config.get(Settings.DELAY_GROUP),
                configs.advertisedHost() + ":" + delay.port(), clock);
        ports.put(Settings.DELAY_PORT.key(), delay.port());
        DelayStart.startAdmin(configs.adminServer(), node, Optional.of(node.administerCluster()), shutdown)
                .ifPresent(admin -> ports.put(Settings.ADMIN_PORT.key(), admin.port()));
    }

    private static void createDataDir(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new ConfigurationException("cannot create data directory " + dataDir + ": " + e.getMessage(), e);
        }
    }
}

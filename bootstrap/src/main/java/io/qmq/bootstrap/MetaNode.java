package io.qmq.bootstrap;

import io.qmq.adapters.netty.AdminHttpServer;
import io.qmq.adapters.netty.MetaServer;
import io.qmq.application.service.MarkSilentBrokersOfflineService;
import io.qmq.bootstrap.config.AdapterConfigs;
import io.qmq.bootstrap.config.ClusterConfigs;
import io.qmq.bootstrap.config.NodeConfig;
import io.qmq.bootstrap.config.Settings;
import io.qmq.bootstrap.wiring.DaggerMetaComponent;
import io.qmq.bootstrap.wiring.MetaComponent;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a meta server alone: meta-data in SQL, client and broker registration, discovery, and the sweep
 * that takes silent broker groups off clients' routes. Brokers register themselves; nothing is added by
 * hand.
 */
final class MetaNode {

    private static final Logger LOG = LoggerFactory.getLogger(MetaNode.class);
    /** Sweeps run several times per timeout, so a dead group leaves routes soon after the timeout. */
    private static final int SWEEPS_PER_TIMEOUT = 5;

    private MetaNode() {
    }

    static QmqNode start(NodeConfig config) {
        AdapterConfigs configs = new AdapterConfigs(config);
        DataDirectory.create(configs.dataDir());
        LOG.info("starting meta node on {} with {}", configs.dataDir(), config.describe());
        Clock clock = Clock.systemUTC();
        MetaComponent node = DaggerMetaComponent.factory().create(clock, configs.routeSettings(), configs.sqlStore(),
                configs.metaServer());
        ShutdownSequence shutdown = new ShutdownSequence();
        try {
            shutdown.started("meta-data database", node.sqlDatabase());
            Duration timeout = new ClusterConfigs(config).brokerHeartbeatTimeout();
            shutdown.started("silent broker sweep", SilentBrokerSweep.start(
                    new MarkSilentBrokersOfflineService(node.brokerGroups(), node.registerBroker(), clock, timeout),
                    timeout.dividedBy(SWEEPS_PER_TIMEOUT)));
            MetaServer meta = shutdown.started("meta server", node.metaServer().start());
            Map<String, Integer> ports = new LinkedHashMap<>();
            ports.put(Settings.META_DISCOVER_PORT.key(), meta.discoveryPort());
            ports.put(Settings.META_PORT.key(), meta.port());
            configs.adminServer().ifPresent(c -> ports.put(Settings.ADMIN_PORT.key(), shutdown.started("admin endpoint",
                    new AdminHttpServer(c, node.administerCluster()).start()).port()));
            return new QmqNode(NodeMode.META, configs.advertisedHost(), ports, shutdown);
        } catch (RuntimeException e) {
            shutdown.closeAll();
            throw e;
        }
    }
}

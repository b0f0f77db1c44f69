package io.qmq.bootstrap;

import io.qmq.adapters.metrics.MetricsServer;
import io.qmq.adapters.netty.BrokerServer;
import io.qmq.adapters.netty.registration.BrokerRegistrar;
import io.qmq.adapters.netty.registration.RegistrationConfig;
import io.qmq.application.service.BrokerAvailability;
import io.qmq.bootstrap.config.AdapterConfigs;
import io.qmq.bootstrap.config.ConfigurationException;
import io.qmq.bootstrap.config.NodeConfig;
import io.qmq.bootstrap.config.Settings;
import io.qmq.bootstrap.wiring.DaggerDelayComponent;
import io.qmq.bootstrap.wiring.DelayComponent;
import io.qmq.domain.cluster.BrokerGroupKind;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a delay server alone. It registers its group (kind DELAY, {@code delay.group}) with the meta
 * server at {@code meta.server.endpoint} and heartbeats every {@code broker.heartbeat.interval.seconds}, as
 * a broker does, so producers' DELAY_PRODUCER lookups find it, and forwards due messages to the realtime
 * brokers that meta server lists. Registration starts last: the node is listed
 * only once it accepts sends.
 */
final class DelayNode {

    private static final Logger LOG = LoggerFactory.getLogger(DelayNode.class);

    private DelayNode() {
    }

    static QmqNode start(NodeConfig config) {
        AdapterConfigs configs = new AdapterConfigs(config);
        try {
            Files.createDirectories(configs.dataDir());
        } catch (IOException e) {
            throw new ConfigurationException("cannot create data directory " + configs.dataDir() + ": " + e.getMessage(), e);
        }
        LOG.info("starting delay node on {} with {}", configs.dataDir(), config.describe());
        DelayComponent node = DaggerDelayComponent.factory().create(Clock.systemUTC(), configs.delaySettings(),
                configs.scheduleStore(), configs.delayServer(), configs.forwarder(), configs.metrics());
        ShutdownSequence shutdown = new ShutdownSequence();
        try {
            return serve(node, config, configs, shutdown);
        } catch (RuntimeException e) {
            shutdown.closeAll();
            throw e;
        }
    }

    private static QmqNode serve(DelayComponent node, NodeConfig config, AdapterConfigs configs, ShutdownSequence shutdown) {
        MetricsServer metrics = shutdown.started("metrics endpoint", node.metricsServer());
        BrokerServer delay = DelayStart.start(node, shutdown);
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put(Settings.DELAY_PORT.key(), delay.port());
        ports.put(Settings.METRICS_PORT.key(), metrics.port());
        DelayStart.startAdmin(configs.adminServer(), node, Optional.empty(), shutdown)
                .ifPresent(admin -> ports.put(Settings.ADMIN_PORT.key(), admin.port()));
        String address = configs.advertisedHost() + ":" + delay.port();
        RegistrationConfig registration = new RegistrationConfig(configs.forwarder().metaServer(),
                config.get(Settings.DELAY_GROUP), address, BrokerGroupKind.DELAY,
                Duration.ofSeconds(config.get(Settings.BROKER_HEARTBEAT_SECONDS)),
                RegistrationConfig.DEFAULT_REQUEST_TIMEOUT);
        shutdown.started("meta registration", new BrokerRegistrar(registration, new BrokerAvailability()).start());
        LOG.info("delay group {} at {} registering with {}", registration.groupName(), address, registration.metaServer());
        return new QmqNode(NodeMode.DELAY, configs.advertisedHost(), ports, shutdown);
    }
}

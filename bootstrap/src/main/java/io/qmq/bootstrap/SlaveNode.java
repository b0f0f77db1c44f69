package io.qmq.bootstrap;

import io.qmq.adapters.metrics.MetricsServer;
import io.qmq.adapters.netty.BrokerServer;
import io.qmq.adapters.netty.registration.BrokerRegistrar;
import io.qmq.adapters.netty.replication.ReplicationClient;
import io.qmq.adapters.netty.replication.ReplicationClientConfig;
import io.qmq.application.port.out.ReplicaLog;
import io.qmq.application.service.ReplicaRefusal;
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
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A slave broker ({@code broker.role=slave}): copies its master's message log into its own file store
 * and indexes it, keeps a recent copy of its master's consumer progress, registers with the meta server as its group's slave, and refuses clients (the broker
 * port answers, so a misrouted client gets a clear refusal rather than a dead socket). A copy that
 * diverged from the master's log ends the node with the reason: it must not go on as a silent copy.
 * It reports no consumer backlog, so it never opens its pull log: closing it frees the data directory
 * for a broker promoted in the same process.
 */
final class SlaveNode {

    private static final Logger LOG = LoggerFactory.getLogger(SlaveNode.class);
    private static final String FILE_STORE = "file";

    private SlaveNode() {
    }

    static QmqNode start(NodeConfig config) {
        AdapterConfigs configs = new AdapterConfigs(config);
        ClusterConfigs cluster = new ClusterConfigs(config);
        ReplicationConfigs replication = new ReplicationConfigs(config);
        ReplicationClientConfig master = replication.client();
        cluster.metaServerEndpoint();
        DataDirectory.create(configs.dataDir());
        ReplicaMarker.mark(configs.dataDir(), master.group(), master.masterHost() + ":" + master.masterPort());
        LOG.info("starting slave broker node on {} with {}", configs.dataDir(), config.describe());
        NodeThreads threads = new NodeThreads(config.get(Settings.PULL_WORKER_THREADS));
        BrokerComponent node = DaggerBrokerComponent.factory().create(Clock.systemUTC(), threads,
                new StoreChoice(FILE_STORE), configs.brokerSettings(), configs.fileStore(), configs.sqlStore(),
                configs.metrics(), configs.brokerServer(),
                new ReplicationSettings(BrokerRole.SLAVE, ReplicationMode.OFF, replication.syncTimeout(),
                        replication.server()));
        ShutdownSequence shutdown = new ShutdownSequence();
        try {
            return serve(node, configs, cluster, master, threads, shutdown);
        } catch (RuntimeException e) {
            shutdown.closeAll();
            threads.close();
            throw e;
        }
    }

    private static QmqNode serve(BrokerComponent node, AdapterConfigs configs, ClusterConfigs cluster,
                                 ReplicationClientConfig master, NodeThreads threads, ShutdownSequence shutdown) {
        shutdown.started("message log", node.messageLog());
        ReplicaLog copy = node.replicaLog();
        shutdown.started("node threads", threads);
        MetricsServer metrics = shutdown.started("metrics endpoint", node.metricsServer());
        ReplicaRefusal refusal = new ReplicaRefusal(master.group());
        BrokerServer broker = shutdown.started("broker server",
                new BrokerServer(configs.brokerServer(), refusal, refusal, refusal).start());
        CompletableFuture<String> failure = new CompletableFuture<>();
        shutdown.started("replication", new ReplicationClient(master, copy, node.consumerProgressReplica(),
                failure::complete).start());
        shutdown.started("meta registration", new BrokerRegistrar(
                cluster.registration(broker.port()).as(BrokerRole.SLAVE), node.brokerAvailability()).start());
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put(Settings.BROKER_PORT.key(), broker.port());
        ports.put(Settings.METRICS_PORT.key(), metrics.port());
        return new QmqNode(NodeMode.BROKER, configs.advertisedHost(), ports, shutdown, failure);
    }
}

package io.qmq.bootstrap;

import io.qmq.adapters.netty.AdminHttpServer;
import io.qmq.adapters.netty.AdminServerConfig;
import io.qmq.adapters.netty.BrokerServer;
import io.qmq.application.port.in.AdministerClusterUseCase;
import io.qmq.application.port.in.RegisterBrokerUseCase;
import io.qmq.bootstrap.wiring.DelayParts;
import io.qmq.domain.cluster.BrokerGroup;
import io.qmq.domain.cluster.BrokerGroupKind;
import io.qmq.domain.cluster.BrokerState;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the delay server's parts in the order that keeps every accepted message: the schedule store
 * opens (and recovers) first, the forwarder and threads next, then the timer loads what is due
 * (overdue messages of a crash included), and only then does the endpoint accept sends. Shutdown runs
 * the other way round: the endpoint stops, the timer stops firing, forwards in flight record their
 * outcome, and the store closes last.
 */
final class DelayStart {

    private static final Logger LOG = LoggerFactory.getLogger(DelayStart.class);

    private DelayStart() {
    }

    /** Starts everything and returns the bound endpoint. */
    static BrokerServer start(DelayParts parts, ShutdownSequence shutdown) {
        shutdown.started("schedule store", parts.scheduleStore());
        shutdown.started("delay forwarder", parts.messageForwarder());
        shutdown.started("delay threads", parts.delayThreads());
        parts.delayTimer().start();
        return shutdown.started("delay server", parts.delayServer().start());
    }

    /**
     * Serves the admin endpoint if it is configured, with the cluster requests too when a meta server
     * runs beside the delay server; it stops before the delay server does.
     */
    static Optional<AdminHttpServer> startAdmin(Optional<AdminServerConfig> config, DelayParts parts,
                                                Optional<AdministerClusterUseCase> cluster, ShutdownSequence shutdown) {
        return config.map(c -> shutdown.started("admin endpoint",
                new AdminHttpServer(c, Optional.of(parts.inspectSchedules()), cluster).start()));
    }

    /**
     * Lists the delay server with the meta server beside it, so that producers' DELAY_PRODUCER lookups
     * route to it.
     */
    static void registerLocally(RegisterBrokerUseCase registry, String group, String address, Clock clock) {
        registry.register(new BrokerGroup(group, BrokerGroupKind.DELAY, address, BrokerState.READ_WRITE, clock.millis()));
        LOG.info("delay group {} registered at {}", group, address);
    }
}

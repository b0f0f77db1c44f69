package io.qmq.adapters.netty;

import io.qmq.adapters.netty.handler.DiscoveryChannelInitializer;
import io.qmq.adapters.netty.handler.MetaChannelInitializer;
import io.qmq.application.port.in.RecordBacklogUseCase;
import io.qmq.application.port.in.RegisterBrokerUseCase;
import io.qmq.application.port.in.RegisterClientUseCase;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The meta server's two endpoints: QMQ's TCP protocol for CLIENT_REGISTER (35) and BROKER_REGISTER (30)
 * (with our own BACKLOG_REPORT beside them), and HTTP discovery ({@code GET /meta/address}) answering {@code advertisedHost:tcpPort}. Registrations
 * may block on a database, so they run on an executor: the one given, or a bounded pool the server owns.
 *
 * <p>Lifecycle: construct, {@link #start()}, read the ports, {@link #close()}. Not restartable.
 */
public final class MetaServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MetaServer.class);
    /** Meta requests are small string maps; backlog reports keep under BacklogReportRequestBody.MAX_BYTES. */
    static final int MAX_FRAME_BYTES = 1024 * 1024;
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(180);
    /** One event loop is plenty for registrations, which arrive once a minute per client key. */
    private static final int IO_THREADS = 1;
    /** For servers that keep no backlog reports (tests, tools): reports are answered and forgotten. */
    private static final RecordBacklogUseCase FORGET_BACKLOGS = report -> { };

    private final MetaServerConfig config;
    private final MetaChannelInitializer pipeline;
    private final Optional<ExecutorService> ownPool;
    private TcpEndpoint protocol;
    private TcpEndpoint discovery;
    private boolean closed;

    public MetaServer(MetaServerConfig config, RegisterClientUseCase registerClient, RegisterBrokerUseCase registerBroker,
                      Clock clock, Executor blockingWork) {
        this(config, registerClient, registerBroker, FORGET_BACKLOGS, clock, blockingWork, Optional.empty());
    }

    /** A server that runs registrations on a bounded pool of its own and forgets backlog reports. */
    public MetaServer(MetaServerConfig config, RegisterClientUseCase registerClient, RegisterBrokerUseCase registerBroker,
                      Clock clock) {
        this(config, registerClient, registerBroker, FORGET_BACKLOGS, clock);
    }

    /** A server that runs registrations and backlog reports on a bounded pool of its own. */
    public MetaServer(MetaServerConfig config, RegisterClientUseCase registerClient, RegisterBrokerUseCase registerBroker,
                      RecordBacklogUseCase recordBacklog, Clock clock) {
        this(config, registerClient, registerBroker, recordBacklog, clock, BlockingWorkPool.start("qmq-meta-register"));
    }

    private MetaServer(MetaServerConfig config, RegisterClientUseCase registerClient, RegisterBrokerUseCase registerBroker,
                       RecordBacklogUseCase recordBacklog, Clock clock, ExecutorService ownPool) {
        this(config, registerClient, registerBroker, recordBacklog, clock, ownPool, Optional.of(ownPool));
    }

    private MetaServer(MetaServerConfig config, RegisterClientUseCase registerClient, RegisterBrokerUseCase registerBroker,
                       RecordBacklogUseCase recordBacklog, Clock clock, Executor blockingWork,
                       Optional<ExecutorService> ownPool) {
        this.config = Objects.requireNonNull(config, "config");
        this.pipeline = new MetaChannelInitializer(MAX_FRAME_BYTES, IDLE_TIMEOUT,
                Objects.requireNonNull(registerClient, "registerClient"),
                Objects.requireNonNull(registerBroker, "registerBroker"),
                Objects.requireNonNull(recordBacklog, "recordBacklog"), Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(blockingWork, "executor"));
        this.ownPool = ownPool;
    }

    /** Binds the TCP endpoint, then discovery (which must know the TCP port); throws {@link ServerStartException}. */
    public synchronized MetaServer start() {
        if (protocol != null || closed) {
            throw new IllegalStateException("meta server was already started");
        }
        protocol = TcpEndpoint.bind("qmq-meta", config.bindHost(), config.port(), IO_THREADS, pipeline);
        String address = config.advertisedHost() + ":" + protocol.port();
        try {
            discovery = TcpEndpoint.bind("qmq-meta-http", config.bindHost(), config.discoveryPort(), IO_THREADS,
                    new DiscoveryChannelInitializer(address));
        } catch (ServerStartException e) {
            protocol.close();
            throw e;
        }
        LOG.info("meta server listening on {}:{}, discovery on port {} answering {}", config.bindHost(),
                protocol.port(), discovery.port(), address);
        return this;
    }

    /** The bound TCP port of the QMQ protocol. */
    public synchronized int port() {
        return started().port();
    }

    /** The bound HTTP port of discovery. */
    public synchronized int discoveryPort() {
        started();
        return discovery.port();
    }

    private TcpEndpoint started() {
        if (protocol == null) {
            throw new IllegalStateException("meta server is not started");
        }
        return protocol;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (discovery != null) {
            discovery.close();
        }
        if (protocol != null) {
            protocol.close();
            LOG.info("meta server stopped");
        }
        ownPool.ifPresent(BlockingWorkPool::stop);
    }
}

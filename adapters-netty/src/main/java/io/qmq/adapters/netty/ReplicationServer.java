package io.qmq.adapters.netty;

import io.netty.util.concurrent.DefaultThreadFactory;
import io.qmq.adapters.netty.replication.ReplicationChannelInitializer;
import io.qmq.application.port.out.ConsumerProgressSource;
import io.qmq.application.port.out.ReplicationSource;
import io.qmq.application.service.ReplicaAcks;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A master's replication endpoint on {@code broker.replication.port}: its slave fetches the message log
 * from here (protocol in {@link io.qmq.adapters.netty.replication.ReplicationFrames}). Log reads may wait
 * for new records, so they run on a few threads of the server's own, one per connected slave at most.
 *
 * <p>Lifecycle: construct, {@link #start()}, read {@link #port()}, {@link #close()}. Not restartable.
 */
public final class ReplicationServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicationServer.class);
    /** A group has one slave; a few more connections cover a slave reconnecting before the old one timed out. */
    private static final int MAX_CONCURRENT_FETCHES = 4;
    private static final long STOP_WAIT_SECONDS = 2;

    private final ReplicationServerConfig config;
    private final ExecutorService reads;
    private final ReplicationChannelInitializer pipeline;
    private TcpEndpoint endpoint;
    private boolean closed;

    public ReplicationServer(ReplicationServerConfig config, ReplicationSource source, ReplicaAcks acks,
                             ConsumerProgressSource progress) {
        this.config = config;
        this.reads = new ThreadPoolExecutor(0, MAX_CONCURRENT_FETCHES, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                new DefaultThreadFactory("qmq-replication-read", true), new ThreadPoolExecutor.AbortPolicy());
        this.pipeline = new ReplicationChannelInitializer(config.group(), source, acks, reads, config.fetchWait(),
                config.idleTimeout(), progress, config.progressInterval());
    }

    public synchronized ReplicationServer start() {
        if (endpoint != null || closed) {
            throw new IllegalStateException("replication server was already started");
        }
        endpoint = TcpEndpoint.bind("qmq-replication", config.bindHost(), config.port(), 1, pipeline);
        LOG.info("master of broker group {} serves replication on {}:{}", config.group(), config.bindHost(), endpoint.port());
        return this;
    }

    public synchronized int port() {
        if (endpoint == null) {
            throw new IllegalStateException("replication server is not started");
        }
        return endpoint.port();
    }

    /** Stops accepting and ends the waiting reads; slaves reconnect to whoever serves next. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        reads.shutdownNow();
        if (endpoint != null) {
            endpoint.close();
        }
        try {
            reads.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

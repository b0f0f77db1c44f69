package io.qmq.adapters.netty;

import io.qmq.adapters.netty.handler.BrokerChannelInitializer;
import io.qmq.application.port.in.AckMessagesUseCase;
import io.qmq.application.port.in.FindStoredMessagesUseCase;
import io.qmq.application.port.in.PullMessagesUseCase;
import io.qmq.application.port.in.SendMessagesUseCase;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's client endpoint: SEND_MESSAGE (10), PULL_MESSAGE (11) and ACK_REQUEST (12) over QMQ's
 * framing, and, when given the use case, our own FIND_STORED_MESSAGES (30001) that delay servers ask
 * after a restart. Sends and pulls are asynchronous and answered when their futures complete; acks and
 * finds block, so they run on an executor: either the one given, or a bounded pool of {@value BlockingWorkPool#THREADS}
 * threads (queue {@value BlockingWorkPool#QUEUE_CAPACITY}) that the server owns and stops on close.
 *
 * <p>Lifecycle: construct, {@link #start()}, read {@link #port()}, {@link #close()}. Not restartable.
 */
public final class BrokerServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerServer.class);

    private final BrokerServerConfig config;
    private final BrokerChannelInitializer pipeline;
    private final Optional<ExecutorService> ownPool;
    private TcpEndpoint endpoint;
    private boolean closed;

    /** A server that runs acks on {@code blockingWork}, which must reject rather than queue without bound. */
    public BrokerServer(BrokerServerConfig config, SendMessagesUseCase send, PullMessagesUseCase pull,
                        AckMessagesUseCase ack, Executor blockingWork) {
        this(config, send, pull, ack, Optional.empty(), blockingWork, Optional.empty());
    }

    /** A server that runs acks on a bounded pool of its own. */
    public BrokerServer(BrokerServerConfig config, SendMessagesUseCase send, PullMessagesUseCase pull,
                        AckMessagesUseCase ack) {
        this(config, send, pull, ack, Optional.empty(), BlockingWorkPool.start("qmq-broker-ack"));
    }

    /** A realtime broker's server: it also tells delay servers which messages it stores, on its own pool. */
    public BrokerServer(BrokerServerConfig config, SendMessagesUseCase send, PullMessagesUseCase pull,
                        AckMessagesUseCase ack, FindStoredMessagesUseCase findStored) {
        this(config, send, pull, ack, Optional.of(findStored), BlockingWorkPool.start("qmq-broker-ack"));
    }

    private BrokerServer(BrokerServerConfig config, SendMessagesUseCase send, PullMessagesUseCase pull,
                         AckMessagesUseCase ack, Optional<FindStoredMessagesUseCase> findStored,
                         ExecutorService ownPool) {
        this(config, send, pull, ack, findStored, ownPool, Optional.of(ownPool));
    }

    private BrokerServer(BrokerServerConfig config, SendMessagesUseCase send, PullMessagesUseCase pull,
                         AckMessagesUseCase ack, Optional<FindStoredMessagesUseCase> findStored,
                         Executor blockingWork, Optional<ExecutorService> ownPool) {
        this.config = Objects.requireNonNull(config, "config");
        this.pipeline = new BrokerChannelInitializer(config.maxFrameBytes(), config.idleTimeout(),
                Objects.requireNonNull(send, "send"), Objects.requireNonNull(pull, "pull"),
                Objects.requireNonNull(ack, "ack"), findStored, Objects.requireNonNull(blockingWork, "executor"));
        this.ownPool = ownPool;
    }

    /** Binds the configured address; throws {@link ServerStartException} if it cannot. */
    public synchronized BrokerServer start() {
        if (endpoint != null || closed) {
            throw new IllegalStateException("broker server was already started");
        }
        endpoint = TcpEndpoint.bind("qmq-broker", config.bindHost(), config.port(), config.ioThreads(), pipeline);
        LOG.info("broker listening on {}:{}", config.bindHost(), endpoint.port());
        return this;
    }

    /** The bound port (the chosen one when configured with 0). */
    public synchronized int port() {
        if (endpoint == null) {
            throw new IllegalStateException("broker server is not started");
        }
        return endpoint.port();
    }

    /** Stops accepting, lets queued responses drain briefly, closes connections and the owned pool. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (endpoint != null) {
            int port = endpoint.port();
            endpoint.close();
            LOG.info("broker stopped listening on port {}", port);
        }
        ownPool.ifPresent(BlockingWorkPool::stop);
    }
}

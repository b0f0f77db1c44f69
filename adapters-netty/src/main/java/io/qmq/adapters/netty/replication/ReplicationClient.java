package io.qmq.adapters.netty.replication;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.qmq.application.port.out.ConsumerProgressReplica;
import io.qmq.application.port.out.ReplicaLog;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A slave's link to its master: connects, copies the master's log into the {@link ReplicaLog} from the
 * copy's own end, and reconnects after any failure (the master restarting, the network, a damaged
 * chunk), every {@code retryDelay}, with one warning per outage. Only a fatal refusal stops it (the copy
 * diverged from the master's log, or the master leads another group): then {@code onFatal} is told the
 * reason, on a thread of its own, and nothing more is written.
 *
 * <p>The master's consumer progress, sent now and then, is kept only once the copy of the log holds every
 * message it refers to (its log position), and written off the network thread; a newer one received
 * meanwhile replaces one still waiting.
 */
public final class ReplicationClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicationClient.class);
    private static final int CONNECT_TIMEOUT_MILLIS = 3_000;

    private final ReplicationClientConfig config;
    private final Consumer<String> onFatal;
    private final ConsumerProgressReplica progress;
    private final AtomicReference<ProgressCopy> waitingProgress = new AtomicReference<>();
    private final ExecutorService progressWrites = Executors.newSingleThreadExecutor(
            new DefaultThreadFactory("qmq-replica-progress", true));
    private final EventLoopGroup loop;
    private final Bootstrap bootstrap;
    private volatile boolean stopped;
    private volatile String failure;
    private volatile Channel channel;
    private volatile long masterEnd = -1;
    private boolean outage;

    public ReplicationClient(ReplicationClientConfig config, ReplicaLog replica, ConsumerProgressReplica progress,
                             Consumer<String> onFatal) {
        this.config = config;
        this.progress = progress;
        this.onFatal = onFatal;
        this.loop = new NioEventLoopGroup(1, new DefaultThreadFactory("qmq-replica-io", true));
        ReplicationClient client = this;
        this.bootstrap = new Bootstrap().group(loop).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(new ReadTimeoutHandler(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS))
                                .addLast(new ReplicationCodec.Decoder())
                                .addLast(new ReplicationCodec.Encoder())
                                .addLast(new SlaveReplicationHandler(config, replica, client));
                    }
                });
    }

    public ReplicationClient start() {
        LOG.info("slave of broker group {} replicating from master {}", config.group(), config.master());
        connect();
        return this;
    }

    /** Why replication stopped for good, if it did. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** Whether a connection to the master is open now. */
    public boolean isConnected() {
        Channel current = channel;
        return current != null && current.isActive();
    }

    /** The master's log end in its latest answer; -1 before the first. */
    public long masterEnd() {
        return masterEnd;
    }

    private void connect() {
        if (stopped) {
            return;
        }
        bootstrap.connect(config.masterHost(), config.masterPort()).addListener((ChannelFuture connected) -> {
            if (!connected.isSuccess()) {
                outage("cannot connect: " + connected.cause());
                retryLater();
                return;
            }
            channel = connected.channel();
            channel.closeFuture().addListener(closed -> {
                outage("connection closed");
                retryLater();
            });
        });
    }

    private void retryLater() {
        if (!stopped && !loop.isShuttingDown()) {
            loop.schedule(this::connect, config.retryDelay().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** On the event loop: one warning per outage. */
    private void outage(String what) {
        if (!outage && !stopped) {
            outage = true;
            LOG.warn("lost master {} ({}); retrying every {}", config.master(), what, config.retryDelay());
        }
    }

    void connected(long from) {
        if (outage) {
            LOG.info("reconnected to master {}; copying from log position {}", config.master(), from);
        }
        outage = false;
    }

    void masterAt(long end) {
        masterEnd = end;
    }

    void progressReceived(ProgressCopy copy, long copiedEnd) {
        waitingProgress.set(copy);
        copiedUpTo(copiedEnd);
    }

    /** The copy of the log now ends at {@code end}: progress that needs no more is written. */
    void copiedUpTo(long end) {
        ProgressCopy due = waitingProgress.get();
        if (due != null && due.logPosition() <= end && waitingProgress.compareAndSet(due, null)) {
            progressWrites.execute(() -> save(due));
        }
    }

    private void save(ProgressCopy copy) {
        try {
            progress.save(copy.snapshot());
        } catch (RuntimeException e) {
            LOG.warn("cannot keep the consumer progress of master {}: {}; the next copy will replace it", config.master(),
                    e.getMessage());
        }
    }

    void fail(String reason) {
        if (stopped) {
            return;
        }
        stopped = true;
        failure = reason;
        LOG.error("replication from master {} stopped for good: {}", config.master(), reason);
        Thread tell = new Thread(() -> onFatal.accept(reason), "qmq-replica-failure");
        tell.setDaemon(true);
        tell.start();
    }

    @Override
    public void close() {
        stopped = true;
        Channel current = channel;
        if (current != null) {
            current.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
        }
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
        progressWrites.shutdown();
        try {
            progressWrites.awaitTermination(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

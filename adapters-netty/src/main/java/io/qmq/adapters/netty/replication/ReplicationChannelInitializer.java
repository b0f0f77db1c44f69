package io.qmq.adapters.netty.replication;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.qmq.application.port.out.ConsumerProgressSource;
import io.qmq.application.port.out.ReplicationSource;
import io.qmq.application.service.ReplicaAcks;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The pipeline of a master's replication connections. A slave fetches at least once per long-poll
 * wait, so a connection silent for {@code idleTimeout} belongs to a slave that is gone and is closed.
 */
public final class ReplicationChannelInitializer extends ChannelInitializer<SocketChannel> {

    private final String group;
    private final ReplicationSource source;
    private final ReplicaAcks acks;
    private final Executor blockingWork;
    private final Duration wait;
    private final Duration idleTimeout;
    private final ConsumerProgressSource progress;
    private final Duration progressInterval;

    public ReplicationChannelInitializer(String group, ReplicationSource source, ReplicaAcks acks, Executor blockingWork,
                                         Duration wait, Duration idleTimeout, ConsumerProgressSource progress,
                                         Duration progressInterval) {
        this.progress = progress;
        this.progressInterval = progressInterval;
        this.group = group;
        this.source = source;
        this.acks = acks;
        this.blockingWork = blockingWork;
        this.wait = wait;
        this.idleTimeout = idleTimeout;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        channel.pipeline()
                .addLast(new ReadTimeoutHandler(idleTimeout.toMillis(), TimeUnit.MILLISECONDS))
                .addLast(new ReplicationCodec.Decoder())
                .addLast(new ReplicationCodec.Encoder())
                .addLast(new MasterReplicationHandler(group, source, acks, blockingWork, wait, progress, progressInterval));
    }
}

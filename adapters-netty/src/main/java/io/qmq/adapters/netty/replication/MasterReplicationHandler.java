package io.qmq.adapters.netty.replication;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.qmq.application.port.out.ConsumerProgressSource;
import io.qmq.application.port.out.LogChunk;
import io.qmq.application.port.out.ReplicaDivergedException;
import io.qmq.application.port.out.ReplicationSource;
import io.qmq.application.service.ReplicaAcks;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master's end of one slave connection. Each fetch is checked (the slave's group, then its copy
 * against this log) before it counts as a confirmation, so a diverged slave can never release a sync
 * send; then the bytes after the slave's end are read, waiting briefly when there are none, and sent
 * back. Every {@code progressInterval} the consumer progress goes along, ahead of a chunk, tagged with the
 * log end it needs (read after it was taken). Reading may block, so it runs on the blocking executor, one fetch at a time per slave (the
 * slave never sends the next fetch before the chunk's answer).
 */
final class MasterReplicationHandler extends SimpleChannelInboundHandler<Object> {

    private static final Logger LOG = LoggerFactory.getLogger(MasterReplicationHandler.class);

    private final String group;
    private final ReplicationSource source;
    private final ReplicaAcks acks;
    private final Executor blockingWork;
    private final Duration wait;
    private final ConsumerProgressSource progress;
    private final long progressIntervalNanos;
    /** Fetches of one connection are served one at a time, so only one thread at a time touches this. */
    private long progressSentAt;
    private boolean progressSent;

    MasterReplicationHandler(String group, ReplicationSource source, ReplicaAcks acks, Executor blockingWork, Duration wait,
                             ConsumerProgressSource progress, Duration progressInterval) {
        this.group = group;
        this.source = source;
        this.acks = acks;
        this.blockingWork = blockingWork;
        this.wait = wait;
        this.progress = progress;
        this.progressIntervalNanos = progressInterval.toNanos();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        acks.slaveConnected();
        LOG.info("slave connected from {}", ctx.channel().remoteAddress());
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        acks.slaveDisconnected();
        LOG.warn("slave at {} disconnected", ctx.channel().remoteAddress());
        ctx.fireChannelInactive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Object message) {
        if (!(message instanceof Fetch fetch)) {
            refuse(ctx, new Refusal(false, "a master takes only fetches, got " + message.getClass().getSimpleName()));
            return;
        }
        if (!group.equals(fetch.group())) {
            refuse(ctx, new Refusal(true, "a slave of broker group " + fetch.group() + " asked the master of group "
                    + group + ": check broker.group and broker.replication.master"));
            return;
        }
        try {
            blockingWork.execute(() -> serve(ctx, fetch));
        } catch (RejectedExecutionException e) {
            refuse(ctx, new Refusal(false, "master is out of replication threads"));
        }
    }

    private void serve(ChannelHandlerContext ctx, Fetch fetch) {
        try {
            source.verify(fetch.mark());
            acks.slaveReached(fetch.mark().end());
            sendProgressWhenDue(ctx);
            LogChunk chunk = source.read(fetch.mark().end(), fetch.maxBytes(), wait);
            acks.served(chunk);
            ctx.writeAndFlush(chunk);
        } catch (ReplicaDivergedException e) {
            LOG.error("refusing the slave at {} for good: {}", ctx.channel().remoteAddress(), e.getMessage());
            refuse(ctx, new Refusal(true, e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ctx.close();
        } catch (RuntimeException e) {
            LOG.warn("serving the slave at {} failed", ctx.channel().remoteAddress(), e);
            refuse(ctx, new Refusal(false, "master failed to read its log: " + e.getMessage()));
        }
    }

    private void sendProgressWhenDue(ChannelHandlerContext ctx) {
        long now = System.nanoTime();
        if (progressSent && now - progressSentAt < progressIntervalNanos) {
            return;
        }
        byte[] snapshot = progress.snapshot();
        ctx.write(new ProgressCopy(source.committedEnd(), snapshot));
        progressSent = true;
        progressSentAt = now;
    }

    private static void refuse(ChannelHandlerContext ctx, Refusal refusal) {
        ctx.writeAndFlush(refusal).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.warn("replication connection from {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}

package io.qmq.adapters.netty.replication;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.qmq.application.port.out.LogChunk;
import io.qmq.application.port.out.ReplicaChunkException;
import io.qmq.application.port.out.ReplicaLog;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The slave's end of the connection: fetch from the copy's end, append what comes, fetch again. One
 * fetch is outstanding at a time, and the next is sent only once the chunk is written, so each fetch
 * truthfully confirms everything before its position. A damaged chunk closes the connection (the client
 * reconnects and asks again from the same end); a fatal refusal stops the client.
 */
final class SlaveReplicationHandler extends SimpleChannelInboundHandler<Object> {

    private static final Logger LOG = LoggerFactory.getLogger(SlaveReplicationHandler.class);

    private final ReplicationClientConfig config;
    private final ReplicaLog replica;
    private final ReplicationClient client;

    SlaveReplicationHandler(ReplicationClientConfig config, ReplicaLog replica, ReplicationClient client) {
        this.config = config;
        this.replica = replica;
        this.client = client;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        client.connected(replica.mark().end());
        fetch(ctx);
        ctx.fireChannelActive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Object message) {
        if (message instanceof LogChunk chunk) {
            client.masterAt(chunk.masterEnd());
            if (chunk.isEmpty()) {
                fetch(ctx);
            } else {
                replica.append(chunk).whenComplete((mark, failure) -> afterAppend(ctx, failure));
            }
        } else if (message instanceof ProgressCopy progress) {
            client.progressReceived(progress, replica.mark().end());
        } else if (message instanceof Refusal refusal) {
            if (refusal.fatal()) {
                client.fail(refusal.reason());
            } else {
                LOG.warn("master {} refused to serve now: {}", config.master(), refusal.reason());
            }
            ctx.close();
        } else {
            LOG.warn("unexpected {} from master {}; reconnecting", message.getClass().getSimpleName(), config.master());
            ctx.close();
        }
    }

    private void afterAppend(ChannelHandlerContext ctx, Throwable failure) {
        if (failure == null) {
            client.copiedUpTo(replica.mark().end());
            fetch(ctx);
            return;
        }
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof ReplicaChunkException) {
            LOG.warn("chunk from master {} refused: {}; asking again", config.master(), cause.getMessage());
        } else {
            LOG.error("cannot write the copy of master {}'s log; retrying after a reconnect", config.master(), cause);
        }
        ctx.close();
    }

    private void fetch(ChannelHandlerContext ctx) {
        ctx.writeAndFlush(new Fetch(config.group(), replica.mark(), config.chunkBytes()));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.warn("replication from master {} failed: {}; reconnecting", config.master(), cause.toString());
        ctx.close();
    }
}

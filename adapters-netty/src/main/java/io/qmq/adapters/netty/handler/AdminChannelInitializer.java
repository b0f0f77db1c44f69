package io.qmq.adapters.netty.handler;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import io.qmq.application.port.in.AdministerClusterUseCase;
import io.qmq.application.port.in.InspectSchedulesUseCase;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** The pipeline of an admin HTTP connection. */
public final class AdminChannelInitializer extends ChannelInitializer<SocketChannel> {

    /** Admin requests carry no body worth speaking of. */
    private static final int MAX_REQUEST_BYTES = 16 * 1024;
    private static final int IDLE_SECONDS = 60;

    private final AdminHttpHandler handler;
    private final ConnectionGuard guard = new ConnectionGuard();

    /**
     * @param token     the secret requests must carry
     * @param schedules what the delay requests report on and cancel, on delay nodes
     * @param cluster   what the cluster requests see and change, on meta servers
     * @param clock     stamps groups registered by hand
     * @param work      where store reads run, off the event loop
     */
    public AdminChannelInitializer(String token, Optional<InspectSchedulesUseCase> schedules,
                                   Optional<AdministerClusterUseCase> cluster, Clock clock, Executor work) {
        this.handler = new AdminHttpHandler(token, schedules, cluster.map(c -> new ClusterAdminRequests(c, clock)), work);
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        channel.pipeline().addLast(
                new IdleStateHandler(IDLE_SECONDS, 0, 0, TimeUnit.SECONDS),
                new HttpServerCodec(),
                new HttpObjectAggregator(MAX_REQUEST_BYTES),
                handler,
                guard);
    }
}

package io.qmq.adapters.netty.handler;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.qmq.adapters.netty.codec.FrameDecoder;
import io.qmq.adapters.netty.codec.FrameEncoder;
import io.qmq.application.port.in.RecordBacklogUseCase;
import io.qmq.application.port.in.RegisterBrokerUseCase;
import io.qmq.application.port.in.RegisterClientUseCase;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** The pipeline of a meta server TCP connection: idle watch, frame codec, dispatcher, guard. */
public final class MetaChannelInitializer extends ChannelInitializer<SocketChannel> {

    private final int maxFrameBytes;
    private final Duration idleTimeout;
    private final FrameEncoder encoder = new FrameEncoder();
    private final MetaRequestDispatcher dispatcher;
    private final ConnectionGuard guard = new ConnectionGuard();

    /** @param blockingWork runs registrations and backlog reports, which may block on a database */
    public MetaChannelInitializer(int maxFrameBytes, Duration idleTimeout, RegisterClientUseCase registerClient,
                                  RegisterBrokerUseCase registerBroker, RecordBacklogUseCase recordBacklog, Clock clock,
                                  Executor blockingWork) {
        this.maxFrameBytes = maxFrameBytes;
        this.idleTimeout = idleTimeout;
        this.dispatcher = new MetaRequestDispatcher(new ClientRegisterHandler(registerClient, clock, blockingWork),
                new BrokerRegisterHandler(registerBroker, clock, blockingWork),
                new BacklogReportHandler(recordBacklog, clock, blockingWork));
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        channel.pipeline().addLast(
                new IdleStateHandler(idleTimeout.toMillis(), 0, 0, TimeUnit.MILLISECONDS),
                new FrameDecoder(maxFrameBytes),
                encoder,
                dispatcher,
                guard);
    }
}

package io.qmq.adapters.netty.handler;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.qmq.adapters.netty.codec.FrameDecoder;
import io.qmq.adapters.netty.codec.FrameEncoder;
import io.qmq.application.port.in.AckMessagesUseCase;
import io.qmq.application.port.in.FindStoredMessagesUseCase;
import io.qmq.application.port.in.PullMessagesUseCase;
import io.qmq.application.port.in.SendMessagesUseCase;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The pipeline of a broker client connection: idle watch, frame decoder (per channel), frame encoder,
 * request dispatcher, connection guard. Only the decoder and idle watch hold per-channel state.
 */
public final class BrokerChannelInitializer extends ChannelInitializer<SocketChannel> {

    private final int maxFrameBytes;
    private final Duration idleTimeout;
    private final FrameEncoder encoder = new FrameEncoder();
    private final BrokerRequestDispatcher dispatcher;
    private final ConnectionGuard guard = new ConnectionGuard();

    /**
     * @param blockingWork runs acks, which block on durable writes; a full executor must throw
     *                     {@link java.util.concurrent.RejectedExecutionException} (answered with 51)
     */
    public BrokerChannelInitializer(int maxFrameBytes, Duration idleTimeout, SendMessagesUseCase send,
                                    PullMessagesUseCase pull, AckMessagesUseCase ack, Executor blockingWork) {
        this(maxFrameBytes, idleTimeout, send, pull, ack, Optional.empty(), blockingWork);
    }

    /**
     * @param findStored answers delay servers' FIND_STORED_MESSAGES on {@code blockingWork}; without it
     *                   they get UNKNOWN_CODE
     */
    public BrokerChannelInitializer(int maxFrameBytes, Duration idleTimeout, SendMessagesUseCase send,
                                    PullMessagesUseCase pull, AckMessagesUseCase ack,
                                    Optional<FindStoredMessagesUseCase> findStored, Executor blockingWork) {
        this.maxFrameBytes = maxFrameBytes;
        this.idleTimeout = idleTimeout;
        this.dispatcher = new BrokerRequestDispatcher(new SendMessageHandler(send), new PullMessageHandler(pull),
                new AckMessageHandler(ack, blockingWork),
                findStored.map(useCase -> new FindStoredMessagesHandler(useCase, blockingWork)));
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

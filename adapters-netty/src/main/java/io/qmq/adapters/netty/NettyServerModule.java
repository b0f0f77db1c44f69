package io.qmq.adapters.netty;

import dagger.Module;
import dagger.Provides;
import io.qmq.application.port.in.AckMessagesUseCase;
import io.qmq.application.port.in.FindStoredMessagesUseCase;
import io.qmq.application.port.in.PullMessagesUseCase;
import io.qmq.application.port.in.RecordBacklogUseCase;
import io.qmq.application.port.in.RegisterBrokerUseCase;
import io.qmq.application.port.in.RegisterClientUseCase;
import io.qmq.application.port.in.SendMessagesUseCase;
import java.time.Clock;
import javax.inject.Singleton;

/**
 * Provides the network servers, not yet started: bootstrap binds the configs ({@link BrokerServerConfig},
 * {@link MetaServerConfig}), the use cases and a {@link Clock}, then calls {@code start()} and, on
 * shutdown, {@code close()}. Each server runs its blocking work on a bounded pool of its own.
 */
@Module
public final class NettyServerModule {

    private NettyServerModule() {
    }

    @Provides
    @Singleton
    static BrokerServer brokerServer(BrokerServerConfig config, SendMessagesUseCase send, PullMessagesUseCase pull,
                                     AckMessagesUseCase ack, FindStoredMessagesUseCase findStored) {
        return new BrokerServer(config, send, pull, ack, findStored);
    }

    @Provides
    @Singleton
    static MetaServer metaServer(MetaServerConfig config, RegisterClientUseCase registerClient,
                                 RegisterBrokerUseCase registerBroker, RecordBacklogUseCase recordBacklog, Clock clock) {
        return new MetaServer(config, registerClient, registerBroker, recordBacklog, clock);
    }
}

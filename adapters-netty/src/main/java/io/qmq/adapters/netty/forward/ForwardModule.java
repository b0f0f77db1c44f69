package io.qmq.adapters.netty.forward;

import dagger.Module;
import dagger.Provides;
import io.qmq.adapters.netty.client.ForwardingLink;
import io.qmq.application.port.out.MessageForwarder;
import java.time.Clock;
import javax.inject.Singleton;

/**
 * Provides the delay server's {@link MessageForwarder}: bootstrap binds a {@link ForwarderConfig} and a
 * {@link Clock}, and closes the forwarder on shutdown (which closes its meta and broker connections).
 */
@Module
public final class ForwardModule {

    private ForwardModule() {
    }

    @Provides
    @Singleton
    static MessageForwarder messageForwarder(ForwarderConfig config, Clock clock) {
        return open(config, clock);
    }

    /** A forwarder without Dagger, for tests and tools. */
    public static MessageForwarder open(ForwarderConfig config, Clock clock) {
        var client = io.qmq.adapters.netty.client.QmqClient.builder()
                .metaServer(config.metaServer().toString())
                .appCode(config.appCode())
                .sendTimeout(config.sendTimeout())
                .clock(clock)
                .config();
        return new NettyMessageForwarder(ForwardingLink.open(client, clock), config);
    }
}

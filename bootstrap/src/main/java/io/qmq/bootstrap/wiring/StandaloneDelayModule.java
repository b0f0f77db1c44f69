package io.qmq.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import io.qmq.adapters.netty.MetaServer;
import io.qmq.adapters.netty.MetaServerConfig;
import io.qmq.adapters.netty.forward.ForwarderConfig;
import java.net.URI;
import javax.inject.Singleton;

/**
 * In a standalone node the delay server forwards to the broker beside it, found through the meta
 * server beside it. The meta server must be started before the forwarder is built: its discovery port
 * may have been chosen at bind time.
 */
@Module
public final class StandaloneDelayModule {

    private static final String ANY_ADDRESS = "0.0.0.0";

    private StandaloneDelayModule() {
    }

    @Provides
    @Singleton
    static ForwarderConfig forwarderConfig(MetaServer meta, MetaServerConfig config) {
        String host = ANY_ADDRESS.equals(config.bindHost()) ? "127.0.0.1" : config.bindHost();
        return ForwarderConfig.to(URI.create("http://" + host + ":" + meta.discoveryPort() + "/meta/address"));
    }
}

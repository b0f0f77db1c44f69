package io.qmq.bootstrap.wiring;

import dagger.BindsInstance;
import dagger.Component;
import io.qmq.adapters.filestore.schedule.ScheduleStorageModule;
import io.qmq.adapters.filestore.schedule.ScheduleStoreConfig;
import io.qmq.adapters.metrics.MetricsConfig;
import io.qmq.adapters.metrics.MetricsModule;
import io.qmq.adapters.metrics.MetricsServer;
import io.qmq.adapters.netty.BrokerServerConfig;
import io.qmq.adapters.netty.forward.ForwardModule;
import io.qmq.adapters.netty.forward.ForwarderConfig;
import io.qmq.application.service.DelaySettings;
import java.time.Clock;
import javax.inject.Singleton;

/**
 * A delay server alone: schedules in files under the data directory, due messages forwarded to the
 * realtime brokers that the meta server at {@link ForwarderConfig#metaServer()} knows.
 */
@Singleton
@Component(modules = {DelayModule.class, DelayNodeModule.class, ScheduleStorageModule.class, ForwardModule.class,
    MetricsModule.class})
public interface DelayComponent extends DelayParts {

    MetricsServer metricsServer();

    @Component.Factory
    interface Factory {
        DelayComponent create(@BindsInstance Clock clock, @BindsInstance DelaySettings delaySettings,
                              @BindsInstance ScheduleStoreConfig scheduleStore,
                              @BindsInstance @DelayServer BrokerServerConfig delayServer,
                              @BindsInstance ForwarderConfig forwarder, @BindsInstance MetricsConfig metrics);
    }
}

package io.qmq.bootstrap.wiring;

import dagger.BindsInstance;
import dagger.Component;
import io.qmq.adapters.filestore.FileStorageModule;
import io.qmq.adapters.filestore.FileStoreConfig;
import io.qmq.adapters.filestore.schedule.ScheduleStorageModule;
import io.qmq.adapters.filestore.schedule.ScheduleStoreConfig;
import io.qmq.adapters.metrics.MetricsConfig;
import io.qmq.adapters.metrics.MetricsModule;
import io.qmq.adapters.metrics.MetricsServer;
import io.qmq.adapters.netty.BrokerServer;
import io.qmq.adapters.netty.BrokerServerConfig;
import io.qmq.adapters.netty.MetaServer;
import io.qmq.adapters.netty.MetaServerConfig;
import io.qmq.adapters.netty.NettyServerModule;
import io.qmq.adapters.netty.forward.ForwardModule;
import io.qmq.adapters.sqlstore.SqlDatabase;
import io.qmq.adapters.sqlstore.SqlMessageStoreModule;
import io.qmq.adapters.sqlstore.SqlStorageModule;
import io.qmq.adapters.sqlstore.SqlStoreConfig;
import io.qmq.application.port.in.AdministerClusterUseCase;
import io.qmq.application.port.in.RecordBacklogUseCase;
import io.qmq.application.port.in.RegisterBrokerUseCase;
import io.qmq.application.port.in.ReportBacklogUseCase;
import io.qmq.application.port.out.MessageLog;
import io.qmq.application.port.out.PullLog;
import io.qmq.application.service.BrokerSettings;
import io.qmq.application.service.DelaySettings;
import io.qmq.application.service.RedeliverSilentConsumersService;
import io.qmq.application.service.RouteSettings;
import java.time.Clock;
import javax.inject.Singleton;

/**
 * A meta server, a realtime broker and a delay server (on its own port) in one process: meta data in SQL (embedded H2 by default),
 * messages in the store {@code store.kind} names (files, or the same SQL database). Nothing is opened until the node asks for it, in
 * the order it chooses.
 */
@Singleton
@Component(modules = {ApplicationModule.class, RuntimeModule.class, StorageSelectionModule.class,
    FileStorageModule.class, SqlStorageModule.class, SqlMessageStoreModule.class, MetricsModule.class, NettyServerModule.class,
    DelayModule.class, StandaloneDelayModule.class, ScheduleStorageModule.class, ForwardModule.class})
public interface StandaloneComponent extends DelayParts {

    SqlDatabase sqlDatabase();

    MessageLog messageLog();

    PullLog pullLog();

    MetricsServer metricsServer();

    MetaServer metaServer();

    BrokerServer brokerServer();

    RegisterBrokerUseCase registerBroker();

    ReportBacklogUseCase reportBacklog();

    RecordBacklogUseCase recordBacklog();

    AdministerClusterUseCase administerCluster();

    RedeliverSilentConsumersService redeliverSilentConsumers();

    @Component.Factory
    interface Factory {
        StandaloneComponent create(@BindsInstance Clock clock, @BindsInstance NodeThreads threads,
                                   @BindsInstance StoreChoice store, @BindsInstance BrokerSettings brokerSettings,
                                   @BindsInstance RouteSettings routeSettings, @BindsInstance FileStoreConfig fileStore,
                                   @BindsInstance SqlStoreConfig sqlStore,
                                   @BindsInstance MetricsConfig metrics, @BindsInstance MetaServerConfig metaServer,
                                   @BindsInstance BrokerServerConfig brokerServer,
                                   @BindsInstance DelaySettings delaySettings,
                                   @BindsInstance ScheduleStoreConfig scheduleStore,
                                   @BindsInstance @DelayServer BrokerServerConfig delayServer);
    }
}

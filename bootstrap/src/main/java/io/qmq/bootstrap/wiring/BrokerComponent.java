package io.qmq.bootstrap.wiring;

import dagger.BindsInstance;
import dagger.Component;
import io.qmq.adapters.filestore.FileStorageModule;
import io.qmq.adapters.filestore.FileStoreConfig;
import io.qmq.adapters.metrics.MetricsConfig;
import io.qmq.adapters.metrics.MetricsModule;
import io.qmq.adapters.metrics.MetricsServer;
import io.qmq.adapters.netty.BrokerServer;
import io.qmq.adapters.netty.BrokerServerConfig;
import io.qmq.adapters.netty.NettyServerModule;
import io.qmq.adapters.netty.ReplicationServer;
import io.qmq.adapters.sqlstore.SqlDatabase;
import io.qmq.adapters.sqlstore.SqlMessageStoreModule;
import io.qmq.adapters.sqlstore.SqlStorageModule;
import io.qmq.adapters.sqlstore.SqlStoreConfig;
import io.qmq.application.port.in.ReportBacklogUseCase;
import io.qmq.application.port.out.MessageLog;
import io.qmq.application.port.out.ConsumerProgressReplica;
import io.qmq.application.port.out.PullLog;
import io.qmq.application.port.out.ReplicaLog;
import io.qmq.application.service.BrokerAvailability;
import io.qmq.application.service.BrokerSettings;
import io.qmq.application.service.RedeliverSilentConsumersService;
import java.time.Clock;
import javax.inject.Singleton;

/**
 * A realtime broker alone: messages in the store {@code store.kind} names, metrics, the availability
 * its meta server's answers set, and replication (a master's server for its slave, or a slave's copy).
 * The SQL database is built only when the SQL store is chosen.
 */
@Singleton
@Component(modules = {ApplicationModule.class, RuntimeModule.class, StorageSelectionModule.class,
    FileStorageModule.class, SqlStorageModule.class, SqlMessageStoreModule.class, MetricsModule.class,
    NettyServerModule.class, ReplicationModule.class})
public interface BrokerComponent {

    SqlDatabase sqlDatabase();

    MessageLog messageLog();

    PullLog pullLog();

    MetricsServer metricsServer();

    BrokerServer brokerServer();

    BrokerAvailability brokerAvailability();

    ReportBacklogUseCase reportBacklog();

    RedeliverSilentConsumersService redeliverSilentConsumers();

    /** A master's endpoint for its slave (not started). */
    ReplicationServer replicationServer();

    /** A slave's copy of its master's message log (the file store opened as a copy). */
    ReplicaLog replicaLog();

    /** A slave's copy of its master's consumer progress. */
    ConsumerProgressReplica consumerProgressReplica();

    @Component.Factory
    interface Factory {
        BrokerComponent create(@BindsInstance Clock clock, @BindsInstance NodeThreads threads,
                               @BindsInstance StoreChoice store, @BindsInstance BrokerSettings brokerSettings,
                               @BindsInstance FileStoreConfig fileStore, @BindsInstance SqlStoreConfig sqlStore,
                               @BindsInstance MetricsConfig metrics, @BindsInstance BrokerServerConfig brokerServer,
                               @BindsInstance ReplicationSettings replication);
    }
}

package io.qmq.bootstrap.wiring;

import dagger.BindsInstance;
import dagger.Component;
import io.qmq.adapters.netty.MetaServer;
import io.qmq.adapters.netty.MetaServerConfig;
import io.qmq.adapters.netty.NettyServerModule;
import io.qmq.adapters.sqlstore.SqlDatabase;
import io.qmq.adapters.sqlstore.SqlStorageModule;
import io.qmq.adapters.sqlstore.SqlStoreConfig;
import io.qmq.application.port.in.AdministerClusterUseCase;
import io.qmq.application.port.in.RegisterBrokerUseCase;
import io.qmq.application.port.out.BrokerGroupStore;
import io.qmq.application.service.RouteSettings;
import java.time.Clock;
import javax.inject.Singleton;

/**
 * A meta server alone: routes, broker groups and client registrations in SQL (embedded H2 by default,
 * or a database several meta servers share). No message store is ever built.
 */
@Singleton
@Component(modules = {ApplicationModule.class, SqlStorageModule.class, NettyServerModule.class})
public interface MetaComponent {

    SqlDatabase sqlDatabase();

    MetaServer metaServer();

    BrokerGroupStore brokerGroups();

    /** The registrations the meta server takes, holding the slaves it was told of. */
    RegisterBrokerUseCase registerBroker();

    AdministerClusterUseCase administerCluster();

    @Component.Factory
    interface Factory {
        MetaComponent create(@BindsInstance Clock clock, @BindsInstance RouteSettings routeSettings,
                             @BindsInstance SqlStoreConfig sqlStore, @BindsInstance MetaServerConfig metaServer);
    }
}

package io.qmq.adapters.sqlstore;

import dagger.Module;
import dagger.Provides;
import io.qmq.application.port.out.BacklogReportStore;
import io.qmq.application.port.out.BrokerGroupStore;
import io.qmq.application.port.out.ClientRegistrationStore;
import io.qmq.application.port.out.ReadOnlyGroupStore;
import io.qmq.application.port.out.SubjectRouteStore;
import javax.inject.Singleton;

/**
 * Binds the meta-data ports to one SQL database (embedded H2 by default, or a MySQL/MariaDB shared by
 * several meta servers). The component must supply a {@link SqlStoreConfig}, and should expose
 * {@link SqlDatabase} so that shutdown can close it.
 *
 * <p>The stores get the database's {@code DSLContext} from their provider rather than through a
 * binding, so that no unqualified jOOQ type leaks into the component. Meta data is always in SQL,
 * so these are plain bindings; the SQL message store, one choice among several, is contributed
 * separately by {@link SqlMessageStoreModule}.
 */
@Module
public final class SqlStorageModule {

    private SqlStorageModule() {
    }

    /** Opened (and migrated) when first needed; closing it is the owner's job at shutdown. */
    @Provides
    @Singleton
    static SqlDatabase database(SqlStoreConfig config) {
        return SqlDatabase.open(config);
    }

    @Provides
    @Singleton
    static BrokerGroupStore brokerGroups(SqlDatabase database) {
        return new JooqBrokerGroupStore(database.dsl());
    }

    @Provides
    @Singleton
    static SubjectRouteStore subjectRoutes(SqlDatabase database) {
        return new JooqSubjectRouteStore(database.dsl());
    }

    @Provides
    @Singleton
    static ReadOnlyGroupStore readOnlyGroups(SqlDatabase database) {
        return new JooqReadOnlyGroupStore(database.dsl());
    }

    @Provides
    @Singleton
    static ClientRegistrationStore clientRegistrations(SqlDatabase database) {
        return new JooqClientRegistrationStore(database.dsl());
    }

    @Provides
    @Singleton
    static BacklogReportStore backlogReports(SqlDatabase database) {
        return new JooqBacklogReportStore(database.dsl());
    }
}

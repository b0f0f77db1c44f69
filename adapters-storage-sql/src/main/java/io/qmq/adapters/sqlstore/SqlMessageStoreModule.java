package io.qmq.adapters.sqlstore;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoMap;
import dagger.multibindings.StringKey;
import io.qmq.application.port.out.MessageLog;
import io.qmq.application.port.out.PullLog;
import java.time.Clock;
import javax.inject.Singleton;

/**
 * Contributes the SQL message store under the key {@code "sql"} ({@code store.kind=sql}): the message
 * log and the pull log in the same database as the meta data, the {@link SqlDatabase} singleton that
 * {@link SqlStorageModule} provides from the component's {@link SqlStoreConfig}. A component installs
 * both modules and binds a {@link Clock}; it injects {@code Map<String, Provider<MessageLog>>} (and the
 * same for {@link PullLog}) and calls only the chosen store's provider, so neither log is built, and no
 * append thread started, unless chosen.
 *
 * <p>One broker owns the message tables of its database (its append thread hands out sequences from
 * memory), so each broker group needs a database of its own. Closing the message log stops its append
 * thread; the database is closed by whoever closes {@link SqlDatabase}, after the logs.
 */
@Module
public final class SqlMessageStoreModule {

    private SqlMessageStoreModule() {
    }

    @Provides
    @Singleton
    @IntoMap
    @StringKey("sql")
    static MessageLog messageLog(SqlDatabase database, Clock clock) {
        return JooqMessageLog.open(database, clock);
    }

    @Provides
    @Singleton
    @IntoMap
    @StringKey("sql")
    static PullLog pullLog(SqlDatabase database) {
        return new JooqPullLog(database.dsl());
    }
}

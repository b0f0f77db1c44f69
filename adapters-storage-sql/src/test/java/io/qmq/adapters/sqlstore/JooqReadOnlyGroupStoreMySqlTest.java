package io.qmq.adapters.sqlstore;

import io.qmq.application.port.out.ReadOnlyGroupStore;
import io.qmq.application.port.out.ReadOnlyGroupStoreContract;
import org.junit.jupiter.api.BeforeAll;

/** The contract on the local MariaDB; skipped when it is not running. */
class JooqReadOnlyGroupStoreMySqlTest extends ReadOnlyGroupStoreContract {

    private final TestDatabase database = new TestDatabase(LocalMariaDb.CONFIG);

    @BeforeAll
    static void mariaDb() {
        LocalMariaDb.assumeReachable();
    }

    @Override
    protected ReadOnlyGroupStore open() {
        return new JooqReadOnlyGroupStore(database.sql());
    }

    @Override
    protected void closeAll() {
        database.close();
    }
}

package io.qmq.adapters.sqlstore;

import io.qmq.application.port.out.BrokerGroupStore;
import io.qmq.application.port.out.BrokerGroupStoreContract;
import org.junit.jupiter.api.BeforeAll;

/** The contract on the local MariaDB; skipped when it is not running. */
class JooqBrokerGroupStoreMySqlTest extends BrokerGroupStoreContract {

    private final TestDatabase database = new TestDatabase(LocalMariaDb.CONFIG);

    @BeforeAll
    static void mariaDb() {
        LocalMariaDb.assumeReachable();
    }

    @Override
    protected BrokerGroupStore open() {
        return new JooqBrokerGroupStore(database.sql());
    }

    @Override
    protected void closeAll() {
        database.close();
    }
}

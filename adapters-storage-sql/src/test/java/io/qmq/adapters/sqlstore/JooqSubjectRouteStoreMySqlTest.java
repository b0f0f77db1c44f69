package io.qmq.adapters.sqlstore;

import io.qmq.application.port.out.BrokerGroupStore;
import io.qmq.application.port.out.SubjectRouteStore;
import io.qmq.application.port.out.SubjectRouteStoreContract;
import org.junit.jupiter.api.BeforeAll;

/** The contract on the local MariaDB; skipped when it is not running. */
class JooqSubjectRouteStoreMySqlTest extends SubjectRouteStoreContract {

    private final TestDatabase database = new TestDatabase(LocalMariaDb.CONFIG);

    @BeforeAll
    static void mariaDb() {
        LocalMariaDb.assumeReachable();
    }

    @Override
    protected SubjectRouteStore open() {
        return new JooqSubjectRouteStore(database.sql());
    }

    @Override
    protected BrokerGroupStore openGroups() {
        return new JooqBrokerGroupStore(database.sql());
    }

    @Override
    protected void closeAll() {
        database.close();
    }
}

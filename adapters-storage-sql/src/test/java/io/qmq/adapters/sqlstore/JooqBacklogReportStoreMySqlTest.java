package io.qmq.adapters.sqlstore;

import io.qmq.application.port.out.BacklogReportStore;
import io.qmq.application.port.out.BacklogReportStoreContract;
import org.junit.jupiter.api.BeforeAll;

/** The contract on the local MariaDB; skipped when it is not running. */
class JooqBacklogReportStoreMySqlTest extends BacklogReportStoreContract {

    private final TestDatabase database = new TestDatabase(LocalMariaDb.CONFIG);

    @BeforeAll
    static void mariaDb() {
        LocalMariaDb.assumeReachable();
    }

    @Override
    protected BacklogReportStore open() {
        return new JooqBacklogReportStore(database.sql());
    }

    @Override
    protected void closeAll() {
        database.close();
    }
}

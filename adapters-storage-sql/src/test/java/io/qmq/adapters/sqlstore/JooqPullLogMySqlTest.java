package io.qmq.adapters.sqlstore;

import io.qmq.application.port.out.PullLog;
import io.qmq.application.port.out.PullLogContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The contract on the local MariaDB; skipped when it is not running. */
class JooqPullLogMySqlTest extends PullLogContract {

    private static final TestDatabase DATABASE = new TestDatabase(LocalMariaDb.CONFIG);

    @BeforeAll
    static void mariaDb() {
        LocalMariaDb.assumeReachable();
    }

    @AfterAll
    static void closeDatabase() {
        DATABASE.close();
    }

    /** Every open is a restart: the previous log is closed by now, and the database is opened anew. */
    @Override
    protected PullLog open() {
        DATABASE.close();
        return new JooqPullLog(DATABASE.sql());
    }
}

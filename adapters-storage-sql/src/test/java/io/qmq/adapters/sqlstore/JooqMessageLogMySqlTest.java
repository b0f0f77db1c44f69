package io.qmq.adapters.sqlstore;

import io.qmq.application.port.out.MessageLog;
import io.qmq.application.port.out.MessageLogContract;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The contract on the local MariaDB; skipped when it is not running. */
class JooqMessageLogMySqlTest extends MessageLogContract {

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
    protected MessageLog open() {
        DATABASE.close();
        return JooqMessageLog.open(DATABASE.database(), Clock.systemUTC());
    }
}

package io.qmq.adapters.sqlstore;

import io.qmq.application.port.out.MessageLog;
import io.qmq.application.port.out.MessageLogContract;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The contract on an embedded H2 file database, shared by the tests of this class. */
class JooqMessageLogH2Test extends MessageLogContract {

    @TempDir
    static Path dataDir;
    private static TestDatabase database;

    @BeforeAll
    static void database() {
        database = new TestDatabase(SqlStoreConfig.embeddedH2(dataDir));
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    /** Every open is a restart: the previous log is closed by now, and the database is opened anew. */
    @Override
    protected MessageLog open() {
        database.close();
        return JooqMessageLog.open(database.database(), Clock.systemUTC());
    }
}

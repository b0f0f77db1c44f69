package io.qmq.adapters.sqlstore;

import io.qmq.application.port.out.PullLog;
import io.qmq.application.port.out.PullLogContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The contract on an embedded H2 file database, shared by the tests of this class. */
class JooqPullLogH2Test extends PullLogContract {

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
    protected PullLog open() {
        database.close();
        return new JooqPullLog(database.sql());
    }
}

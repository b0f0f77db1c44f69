package io.qmq.adapters.sqlstore;

import io.qmq.application.port.out.BacklogReportStore;
import io.qmq.application.port.out.BacklogReportStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The contract on an embedded H2 file database, shared by the tests of this class. */
class JooqBacklogReportStoreH2Test extends BacklogReportStoreContract {

    @TempDir
    static Path dataDir;
    private TestDatabase database;

    @BeforeEach
    void database() {
        database = new TestDatabase(SqlStoreConfig.embeddedH2(dataDir));
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

package io.qmq.adapters.sqlstore;

import io.qmq.application.port.out.ReadOnlyGroupStore;
import io.qmq.application.port.out.ReadOnlyGroupStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The contract on an embedded H2 file database, shared by the tests of this class. */
class JooqReadOnlyGroupStoreH2Test extends ReadOnlyGroupStoreContract {

    @TempDir
    static Path dataDir;
    private TestDatabase database;

    @BeforeEach
    void database() {
        database = new TestDatabase(SqlStoreConfig.embeddedH2(dataDir));
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

package io.qmq.adapters.sqlstore;

import io.qmq.application.port.out.BrokerGroupStore;
import io.qmq.application.port.out.SubjectRouteStore;
import io.qmq.application.port.out.SubjectRouteStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The contract on an embedded H2 file database, shared by the tests of this class. */
class JooqSubjectRouteStoreH2Test extends SubjectRouteStoreContract {

    @TempDir
    static Path dataDir;
    private TestDatabase database;

    @BeforeEach
    void database() {
        database = new TestDatabase(SqlStoreConfig.embeddedH2(dataDir));
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

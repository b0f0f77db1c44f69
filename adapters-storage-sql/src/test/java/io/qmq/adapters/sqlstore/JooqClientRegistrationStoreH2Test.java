package io.qmq.adapters.sqlstore;

import io.qmq.application.port.out.ClientRegistrationStore;
import io.qmq.application.port.out.ClientRegistrationStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The contract on an embedded H2 file database, shared by the tests of this class. */
class JooqClientRegistrationStoreH2Test extends ClientRegistrationStoreContract {

    @TempDir
    static Path dataDir;
    private TestDatabase database;

    @BeforeEach
    void database() {
        database = new TestDatabase(SqlStoreConfig.embeddedH2(dataDir));
    }

    @Override
    protected ClientRegistrationStore open() {
        return new JooqClientRegistrationStore(database.sql());
    }

    @Override
    protected void closeAll() {
        database.close();
    }
}

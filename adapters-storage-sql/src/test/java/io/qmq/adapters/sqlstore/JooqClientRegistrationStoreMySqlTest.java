package io.qmq.adapters.sqlstore;

import io.qmq.application.port.out.ClientRegistrationStore;
import io.qmq.application.port.out.ClientRegistrationStoreContract;
import org.junit.jupiter.api.BeforeAll;

/** The contract on the local MariaDB; skipped when it is not running. */
class JooqClientRegistrationStoreMySqlTest extends ClientRegistrationStoreContract {

    private final TestDatabase database = new TestDatabase(LocalMariaDb.CONFIG);

    @BeforeAll
    static void mariaDb() {
        LocalMariaDb.assumeReachable();
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

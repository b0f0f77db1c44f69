package io.qmq.adapters.sqlstore;

import org.jooq.DSLContext;

/** Opens the database when a test first asks for a store, and closes it when the test releases them. */
final class TestDatabase {

    private final SqlStoreConfig config;
    private SqlDatabase open;

    TestDatabase(SqlStoreConfig config) {
        this.config = config;
    }

    synchronized DSLContext sql() {
        return database().dsl();
    }

    synchronized SqlDatabase database() {
        if (open == null) {
            open = SqlDatabase.open(config);
        }
        return open;
    }

    synchronized void close() {
        if (open != null) {
            open.close();
            open = null;
        }
    }
}

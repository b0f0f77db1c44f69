package io.qmq.adapters.sqlstore;

import org.jooq.exception.DataAccessException;
import org.jooq.exception.SQLStateClass;

/**
 * Unique keys are how meta servers sharing a database agree: of concurrent inserts of one key, one
 * commits and the others fail with an integrity-constraint violation (SQLSTATE class 23).
 */
final class UniqueKeys {

    private UniqueKeys() {
    }

    static boolean violatedBy(DataAccessException e) {
        return e.sqlStateClass() == SQLStateClass.C23_INTEGRITY_CONSTRAINT_VIOLATION;
    }

    /**
     * Runs an insert-or-update, and once more if it lost an insert race: H2's MERGE looks for the row,
     * finds none and inserts, so two callers can both take the insert branch. The second run finds
     * the winner's row and updates it. MySQL's ON DUPLICATE KEY UPDATE never needs the retry.
     */
    static void upsert(Runnable insertOrUpdate) {
        try {
            insertOrUpdate.run();
        } catch (DataAccessException e) {
            if (!violatedBy(e)) {
                throw e;
            }
            insertOrUpdate.run();
        }
    }
}

package io.qmq.adapters.sqlstore;

import java.sql.SQLException;
import java.util.Set;
import org.jooq.exception.DataAccessException;

/**
 * The foreign key from a route's groups to {@code broker_group} is how meta servers sharing a database
 * agree that a routed group is not removed. Its two violations come back as integrity-constraint
 * errors, which MySQL and MariaDB tell apart from unique-key ones only by their vendor codes (all share
 * SQLSTATE 23000); H2's vendor codes are its SQLSTATEs.
 */
final class ForeignKeys {

    /** H2 23506; MySQL/MariaDB ER_NO_REFERENCED_ROW and ER_NO_REFERENCED_ROW_2: the referenced row is missing. */
    private static final Set<Integer> PARENT_MISSING = Set.of(23506, 1216, 1452);
    /** H2 23503; MySQL/MariaDB ER_ROW_IS_REFERENCED and ER_ROW_IS_REFERENCED_2: a row still refers to it. */
    private static final Set<Integer> CHILD_EXISTS = Set.of(23503, 1217, 1451);

    private ForeignKeys() {
    }

    /** An insert named a row of the referenced table that does not exist. */
    static boolean parentMissing(DataAccessException e) {
        return vendorCodeIn(e, PARENT_MISSING);
    }

    /** A delete was refused because rows still refer to the deleted one. */
    static boolean childExists(DataAccessException e) {
        return vendorCodeIn(e, CHILD_EXISTS);
    }

    private static boolean vendorCodeIn(DataAccessException e, Set<Integer> codes) {
        SQLException cause = e.getCause(SQLException.class);
        return cause != null && codes.contains(cause.getErrorCode());
    }
}

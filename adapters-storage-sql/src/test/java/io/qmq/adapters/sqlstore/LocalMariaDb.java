package io.qmq.adapters.sqlstore;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MariaDB (or MySQL) server that the {@code *MySqlTest} classes use when it runs on this machine.
 * Its tables are shared by every run, so those tests rely on fresh names alone.
 */
final class LocalMariaDb {

    static final SqlStoreConfig CONFIG = new SqlStoreConfig("jdbc:mysql://127.0.0.1:3306/test?connectTimeout=2000", "root", "", 5);
    private static final String UNREACHABLE = "MariaDB at 127.0.0.1:3306 unreachable: skipping MySQL contract tests";
    private static final Logger log = LoggerFactory.getLogger(LocalMariaDb.class);
    private static Boolean reachable;

    private LocalMariaDb() {
    }

    /** Skips the calling test class, visibly, when no server answers. */
    static synchronized void assumeReachable() {
        if (reachable == null) {
            reachable = probe();
            if (!reachable) {
                log.warn(UNREACHABLE);
            }
        }
        Assumptions.assumeTrue(reachable, UNREACHABLE);
    }

    private static boolean probe() {
        try (Connection connection = DriverManager.getConnection(CONFIG.jdbcUrl(), CONFIG.user(), CONFIG.password())) {
            return connection.isValid(2);
        } catch (SQLException e) {
            log.info("MariaDB probe failed: {}", e.getMessage());
            return false;
        }
    }
}

package io.qmq.acceptance.driver;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A database of its own on the local MariaDB (or MySQL) server at 127.0.0.1:3306 (root, empty password):
 * created empty for one scenario, so its nodes start from nothing, and dropped when the scenario closes it.
 */
public final class FreshMySqlDatabase implements AutoCloseable {

    public static final String USER = "root";
    /** Where the server is expected: {@code host:port}. */
    public static final String SERVER = "127.0.0.1:3306";
    private static final String SERVER_URL = "jdbc:mysql://" + SERVER + "/";
    private static final String OPTIONS = "?connectTimeout=2000";
    private static final String PASSWORD = "";
    private static final int NAME_SUFFIX_LENGTH = 12;
    private static final Logger LOG = LoggerFactory.getLogger(FreshMySqlDatabase.class);
    private static Boolean reachable;

    private final String name;

    private FreshMySqlDatabase(String name) {
        this.name = name;
    }

    /** Whether the server answers; asked once per JVM. */
    public static synchronized boolean serverReachable() {
        if (reachable == null) {
            try (Connection connection = connect()) {
                reachable = connection.isValid(2);
            } catch (SQLException e) {
                LOG.info("MariaDB probe at {} failed: {}", SERVER_URL, e.getMessage());
                reachable = false;
            }
        }
        return reachable;
    }

    /** Creates {@code qmq_at_<random>} on the server. */
    public static FreshMySqlDatabase create() {
        String name = "qmq_at_" + UUID.randomUUID().toString().replace("-", "").substring(0, NAME_SUFFIX_LENGTH);
        execute("CREATE DATABASE " + name);
        return new FreshMySqlDatabase(name);
    }

    /** The {@code jdbc.url} of a node that keeps its data in this database. */
    public String jdbcUrl() {
        return SERVER_URL + name + OPTIONS;
    }

    @Override
    public void close() {
        execute("DROP DATABASE IF EXISTS " + name);
    }

    private static void execute(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("'" + sql + "' on the MariaDB at " + SERVER_URL + " failed", e);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(SERVER_URL + OPTIONS, USER, PASSWORD);
    }
}

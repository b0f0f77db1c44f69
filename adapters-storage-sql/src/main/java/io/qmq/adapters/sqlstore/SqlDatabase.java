package io.qmq.adapters.sqlstore;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQL database of the meta-data stores and of the SQL message store: a connection pool over a
 * schema that Flyway has brought up to date.
 * Opening migrates (Flyway serialises meta servers starting together on one database); closing
 * releases every connection, which also closes an embedded H2 database.
 *
 * <p>Names are rendered unquoted: the scripts create them unquoted, so each database folds them its own
 * way (H2 to upper case, MySQL keeps them) and the generated lower-case names match both.
 */
public final class SqlDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SqlDatabase.class);
    private static final String MIGRATIONS = "classpath:db/migration";
    private static final String TABLE_OPTIONS = "table_options";
    /** Binary collation: subjects, groups and client ids are case-sensitive. */
    private static final String MYSQL_TABLE_OPTIONS = "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin";
    private static final String H2_INLINE_BYTES = "h2_inline_bytes";
    /** H2 keeps a BLOB out of its row, in a large-object store far slower than the row itself. */
    private static final String H2_INLINE_MESSAGE_BYTES =
            "ALTER TABLE stored_message ALTER COLUMN encoded SET DATA TYPE VARBINARY(1000000000);";
    /**
     * Without gap locks (MySQL's REPEATABLE READ takes them on range deletes), consumers acknowledging
     * and pulling at once never wait for each other's neighbouring pull mappings. H2's default anyway.
     */
    private static final String ISOLATION = "TRANSACTION_READ_COMMITTED";
    private static final Settings SETTINGS = new Settings()
            .withRenderQuotedNames(RenderQuotedNames.NEVER)
            .withExecuteLogging(false);

    private final String jdbcUrl;
    private final HikariDataSource pool;
    private final DSLContext dsl;

    private SqlDatabase(String jdbcUrl, HikariDataSource pool, SQLDialect dialect) {
        this.jdbcUrl = jdbcUrl;
        this.pool = pool;
        this.dsl = DSL.using(pool, dialect, SETTINGS);
    }

    /** Connects and migrates; fails with {@link MetaDataStoreException} if either is impossible. */
    public static SqlDatabase open(SqlStoreConfig config) {
        SQLDialect declared = dialectOf(config.jdbcUrl());
        HikariDataSource pool = openPool(config);
        try {
            SQLDialect dialect = declared == SQLDialect.MYSQL && isMariaDb(config.jdbcUrl(), pool) ? SQLDialect.MARIADB : declared;
            migrate(config.jdbcUrl(), pool, dialect);
            return new SqlDatabase(config.jdbcUrl(), pool, dialect);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    DSLContext dsl() {
        return dsl;
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    SQLDialect dialect() {
        return dsl.dialect();
    }

    @Override
    public void close() {
        pool.close();
        log.info("Closed meta-data database {}", jdbcUrl);
    }

    private static HikariDataSource openPool(SqlStoreConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("qmq-meta-data");
        hikari.setJdbcUrl(config.jdbcUrl());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setTransactionIsolation(ISOLATION);
        try {
            return new HikariDataSource(hikari);
        } catch (HikariPool.PoolInitializationException e) {
            throw new MetaDataStoreException("could not connect to meta-data database " + config.jdbcUrl() + " as " + config.user(), e);
        }
    }

    private static void migrate(String jdbcUrl, HikariDataSource pool, SQLDialect dialect) {
        boolean h2 = dialect == SQLDialect.H2;
        Map<String, String> placeholders = Map.of(
                TABLE_OPTIONS, h2 ? "" : MYSQL_TABLE_OPTIONS,
                H2_INLINE_BYTES, h2 ? H2_INLINE_MESSAGE_BYTES : "");
        try {
            MigrateResult result = Flyway.configure(SqlDatabase.class.getClassLoader())
                    .dataSource(pool)
                    .locations(MIGRATIONS)
                    .placeholders(placeholders)
                    .load()
                    .migrate();
            String version = result.migrationsExecuted == 0 ? result.initialSchemaVersion : result.targetSchemaVersion;
            log.info("Meta-data database {} ({}) is at schema version {} after applying {} migration(s)",
                    jdbcUrl, dialect, version, result.migrationsExecuted);
        } catch (FlywayException e) {
            throw new MetaDataStoreException("could not migrate meta-data database " + jdbcUrl, e);
        }
    }

    /** The URL names the database, except that a MySQL URL may lead to a MariaDB server. */
    static SQLDialect dialectOf(String jdbcUrl) {
        if (jdbcUrl.startsWith(SqlStoreConfig.H2_PREFIX)) {
            return SQLDialect.H2;
        }
        return jdbcUrl.startsWith(SqlStoreConfig.MARIADB_PREFIX) ? SQLDialect.MARIADB : SQLDialect.MYSQL;
    }

    /** MariaDB says so in its version string. */
    private static boolean isMariaDb(String jdbcUrl, HikariDataSource pool) {
        try (Connection connection = pool.getConnection()) {
            return connection.getMetaData().getDatabaseProductVersion().contains("MariaDB");
        } catch (SQLException e) {
            throw new MetaDataStoreException("could not read the server version of " + jdbcUrl, e);
        }
    }
}

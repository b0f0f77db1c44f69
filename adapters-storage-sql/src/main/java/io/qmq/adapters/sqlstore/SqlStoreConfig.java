package io.qmq.adapters.sqlstore;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the meta-data database is and how many connections to keep to it.
 *
 * @param jdbcUrl  {@code jdbc:h2:...}, {@code jdbc:mysql:...} or {@code jdbc:mariadb:...} (the last needs MariaDB's driver on the class path)
 * @param user     database user
 * @param password database password, possibly empty; never printed
 * @param poolSize most connections held open at once
 */
public record SqlStoreConfig(String jdbcUrl, String user, String password, int poolSize) {

    public static final int DEFAULT_POOL_SIZE = 10;
    static final String H2_PREFIX = "jdbc:h2:";
    static final String MYSQL_PREFIX = "jdbc:mysql:";
    static final String MARIADB_PREFIX = "jdbc:mariadb:";

    /**
     * An embedded H2 database closes when its last connection does; the pool owns that moment, so
     * H2's own shutdown hook is switched off (it would close the database under a server still
     * stopping). A lock wait shorter than a slow disk's commit would turn races into errors. H2 writes
     * commits to its file in the background every half second by default, so a killed process would lose
     * what brokers and the meta server had already confirmed: WRITE_DELAY=0 writes each commit before it
     * returns.
     */
    private static final String H2_SETTINGS = ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;WRITE_DELAY=0";

    public SqlStoreConfig {
        Objects.requireNonNull(jdbcUrl, "jdbc url");
        Objects.requireNonNull(user, "user");
        password = password == null ? "" : password;
        if (!(jdbcUrl.startsWith(H2_PREFIX) || jdbcUrl.startsWith(MYSQL_PREFIX) || jdbcUrl.startsWith(MARIADB_PREFIX))) {
            throw new IllegalArgumentException("meta-data database must be H2, MySQL or MariaDB, not '" + jdbcUrl + "'");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("pool size must be positive, was " + poolSize);
        }
    }

    /** The default: an H2 file database at {@code <dataDir>/meta/qmq.mv.db}, for a single meta server. */
    public static SqlStoreConfig embeddedH2(Path dataDir) {
        Path file = dataDir.toAbsolutePath().resolve("meta").resolve("qmq");
        return new SqlStoreConfig("jdbc:h2:file:" + file + H2_SETTINGS, "sa", "", DEFAULT_POOL_SIZE);
    }

    @Override
    public String toString() {
        return "SqlStoreConfig[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=***, poolSize=" + poolSize + "]";
    }
}

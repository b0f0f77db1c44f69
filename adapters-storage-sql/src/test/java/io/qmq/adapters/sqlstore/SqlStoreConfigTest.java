package io.qmq.adapters.sqlstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SqlStoreConfigTest {

    @Test
    void theEmbeddedDatabaseIsAnH2FileInTheMetaDirectoryOfTheDataDirectory() {
        SqlStoreConfig config = SqlStoreConfig.embeddedH2(Path.of("/var/qmq"));

        assertThat(config.jdbcUrl()).startsWith("jdbc:h2:file:/var/qmq/meta/qmq;");
        assertThat(config.poolSize()).isEqualTo(SqlStoreConfig.DEFAULT_POOL_SIZE);
    }

    @Test
    void acceptsOnlyH2MySqlAndMariaDbUrls() {
        assertThatThrownBy(() -> new SqlStoreConfig("jdbc:postgresql://db/qmq", "u", "p", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jdbc:postgresql://db/qmq");
        assertThat(new SqlStoreConfig("jdbc:mariadb://db/qmq", "u", "p", 1).jdbcUrl()).isEqualTo("jdbc:mariadb://db/qmq");
    }

    @Test
    void needsAtLeastOneConnection() {
        assertThatThrownBy(() -> new SqlStoreConfig("jdbc:mysql://db/qmq", "u", "p", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neverPrintsThePassword() {
        assertThat(new SqlStoreConfig("jdbc:mysql://db/qmq", "u", "secret", 1).toString()).doesNotContain("secret");
    }
}

package io.qmq.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qmq.adapters.filestore.FileStoreConfig;
import io.qmq.adapters.filestore.FlushPolicy;
import io.qmq.adapters.filestore.retention.RetentionPolicy;
import io.qmq.adapters.sqlstore.SqlStoreConfig;
import io.qmq.application.service.BrokerSettings;
import io.qmq.domain.consumer.StartPosition;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdapterConfigsTest {

    @TempDir
    Path dataDir;

    @Test
    void fileStoreTakesFlushPolicyAndSizesFromTheSettings() {
        FileStoreConfig store = configs(Map.of("store.flush", "sync", "store.segment.bytes", "1m",
                "store.flush.interval.ms", "20", "store.ring.size", "1024")).fileStore();

        assertThat(store.dataDir()).isEqualTo(dataDir);
        assertThat(store.flush()).isEqualTo(FlushPolicy.SYNC);
        assertThat(store.segmentBytes()).isEqualTo(1024 * 1024);
        assertThat(store.flushInterval()).isEqualTo(Duration.ofMillis(20));
        assertThat(store.ringSize()).isEqualTo(1024);
    }

    @Test
    void retentionDefaultsToSeventyTwoHoursWithoutACapAndZeroKeepsForever() {
        RetentionPolicy defaults = configs(Map.of()).fileStore().retention();
        RetentionPolicy set = configs(Map.of("store.retention.hours", "0", "store.retention.max.bytes", "10g",
                "store.retention.check.interval.seconds", "5")).fileStore().retention();

        assertThat(defaults).isEqualTo(RetentionPolicy.DEFAULT);
        assertThat(set).isEqualTo(new RetentionPolicy(Duration.ZERO, 10L << 30, Duration.ofSeconds(5)));
        assertThat(configs(Map.of("store.retention.max.bytes", "0")).fileStore().retention().deletes()).isTrue();
        assertThat(configs(Map.of("store.retention.hours", "0")).fileStore().retention().deletes()).isFalse();
        assertThatThrownBy(() -> configs(Map.of("store.retention.hours", "-1")).fileStore())
                .hasMessageContaining("store.retention.hours");
    }

    @Test
    void metaDataDefaultsToEmbeddedH2UnderTheDataDir() {
        SqlStoreConfig sql = configs(Map.of()).sqlStore();

        assertThat(sql.jdbcUrl()).startsWith("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("meta"));
    }

    @Test
    void anExplicitDatabaseIsUsedAsGiven() {
        SqlStoreConfig sql = configs(Map.of("jdbc.url", "jdbc:mysql://db:3306/qmq", "jdbc.username", "qmq",
                "jdbc.password", "secret", "pool.size.max", "3")).sqlStore();

        assertThat(sql).isEqualTo(new SqlStoreConfig("jdbc:mysql://db:3306/qmq", "qmq", "secret", 3));
    }

    @Test
    void brokerSettingsComeFromTheirKeys() {
        BrokerSettings broker = configs(Map.of("message.retry.delay.seconds", "7",
                "consumer.offline.timeout.seconds", "11", "consumer.new.group.start", "earliest",
                "message.max.bytes", "1k")).brokerSettings();

        assertThat(broker.retryDelay()).isEqualTo(Duration.ofSeconds(7));
        assertThat(broker.consumerOfflineAfter()).isEqualTo(Duration.ofSeconds(11));
        assertThat(broker.newGroupStart()).isEqualTo(StartPosition.EARLIEST);
        assertThat(broker.sizeLimit().maxBytes()).isEqualTo(1024);
    }

    @Test
    void serversListenWhereTheSettingsSay() {
        AdapterConfigs configs = configs(Map.of("bind.host", "127.0.0.1", "node.host", "10.0.0.5",
                "broker.port", "0", "meta.server.port", "1234", "metrics.port", "0"));

        assertThat(configs.brokerServer().bindHost()).isEqualTo("127.0.0.1");
        assertThat(configs.brokerServer().port()).isZero();
        assertThat(configs.metaServer().port()).isEqualTo(1234);
        assertThat(configs.metaServer().advertisedHost()).isEqualTo("10.0.0.5");
        assertThat(configs.metrics().port()).isZero();
    }

    @Test
    void aValueTheAdapterRefusesIsReportedWithItsKeys() {
        AdapterConfigs configs = configs(Map.of("store.segment.bytes", "1k"));

        assertThatThrownBy(configs::fileStore)
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("store.segment.bytes")
                .hasMessageContaining("4096");
        assertThatThrownBy(() -> configs(Map.of("jdbc.url", "jdbc:postgresql://db/qmq")).sqlStore())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("jdbc.url")
                .hasMessageContaining("postgresql");
    }

    private AdapterConfigs configs(Map<String, String> settings) {
        return new AdapterConfigs(NodeConfig.load(dataDir, Optional.empty(), settings));
    }
}

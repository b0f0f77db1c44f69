package io.qmq.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qmq.adapters.filestore.FlushPolicy;
import io.qmq.domain.consumer.StartPosition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeConfigTest {

    @TempDir
    Path dataDir;

    @Test
    void defaultsFollowQmq() {
        NodeConfig config = NodeConfig.defaults(dataDir);

        assertThat(config.get(Settings.META_DISCOVER_PORT)).isEqualTo(8080);
        assertThat(config.get(Settings.META_PORT)).isEqualTo(20880);
        assertThat(config.get(Settings.BROKER_PORT)).isEqualTo(20881);
        assertThat(config.get(Settings.METRICS_PORT)).isEqualTo(3333);
        assertThat(config.get(Settings.STORE_FLUSH)).isEqualTo(FlushPolicy.ASYNC);
        assertThat(config.get(Settings.RETRY_DELAY_SECONDS)).isEqualTo(5L);
        assertThat(config.get(Settings.NEW_GROUP_START)).isEqualTo(StartPosition.LATEST);
        assertThat(config.get(Settings.STORE_ROOT)).isEqualTo(dataDir.toString());
    }

    @Test
    void autoHostBecomesAConcreteIpv4Address() {
        String host = NodeConfig.defaults(dataDir).get(Settings.NODE_HOST);

        assertThat(host).isNotEqualTo("auto").matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
    }

    @Test
    void fileOverridesDefaultsAndSetOverridesFile() throws IOException {
        Path file = write("broker.port=30000\nmetrics.port=4000\nstore.flush=sync\n");

        NodeConfig config = NodeConfig.load(dataDir, Optional.of(file), Map.of("broker.port", "30001"));

        assertThat(config.get(Settings.BROKER_PORT)).isEqualTo(30001);
        assertThat(config.get(Settings.METRICS_PORT)).isEqualTo(4000);
        assertThat(config.get(Settings.STORE_FLUSH)).isEqualTo(FlushPolicy.SYNC);
        assertThat(config.get(Settings.META_PORT)).isEqualTo(20880);
    }

    @Test
    void dataDirWinsOverAStoreRootInTheFile() throws IOException {
        Path file = write("store.root=/data\n");

        assertThat(NodeConfig.load(dataDir, Optional.of(file), Map.of()).get(Settings.STORE_ROOT))
                .isEqualTo(dataDir.toString());
    }

    @Test
    void sizesTakeBinarySuffixes() {
        NodeConfig config = NodeConfig.load(dataDir, Optional.empty(),
                Map.of("store.segment.bytes", "64k", "pull.max.bytes", "2m"));

        assertThat(config.get(Settings.SEGMENT_BYTES)).isEqualTo(64L * 1024);
        assertThat(config.get(Settings.PULL_MAX_BYTES)).isEqualTo(2 * 1024 * 1024);
    }

    @Test
    void unknownKeyOnTheCommandLineIsNamed() {
        assertThatThrownBy(() -> NodeConfig.load(dataDir, Optional.empty(), Map.of("brokr.port", "1")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("unknown configuration key 'brokr.port'")
                .hasMessageContaining("--set");
    }

    @Test
    void unknownKeyInTheFileIsNamedWithTheFile() throws IOException {
        Path file = write("metrics.prt=3333\n");

        assertThatThrownBy(() -> NodeConfig.load(dataDir, Optional.of(file), Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'metrics.prt'")
                .hasMessageContaining(file.toString());
    }

    @Test
    void badValueIsNamedWithItsKeyAndReason() {
        assertThatThrownBy(() -> NodeConfig.load(dataDir, Optional.empty(), Map.of("broker.port", "70000")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'70000'")
                .hasMessageContaining("broker.port")
                .hasMessageContaining("0 to 65535");
        assertThatThrownBy(() -> NodeConfig.load(dataDir, Optional.empty(), Map.of("store.flush", "sometimes")))
                .hasMessageContaining("'sometimes'")
                .hasMessageContaining("store.flush")
                .hasMessageContaining("async|sync");
        assertThatThrownBy(() -> NodeConfig.load(dataDir, Optional.empty(), Map.of("metrics.port", "many")))
                .hasMessageContaining("'many'")
                .hasMessageContaining("metrics.port")
                .hasMessageContaining("not a whole number");
    }

    @Test
    void badValueInAFileNamesTheFile() throws IOException {
        Path file = write("store.segment.bytes=-1\n");

        assertThatThrownBy(() -> NodeConfig.load(dataDir, Optional.of(file), Map.of()))
                .hasMessageContaining("store.segment.bytes")
                .hasMessageContaining(file.toString());
    }

    @Test
    void missingFileIsReported() {
        Path missing = dataDir.resolve("nope.properties");

        assertThatThrownBy(() -> NodeConfig.load(dataDir, Optional.of(missing), Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void passwordsAreMaskedInTheDescription() {
        NodeConfig config = NodeConfig.load(dataDir, Optional.empty(), Map.of("jdbc.password", "secret"));

        assertThat(config.describe()).containsEntry("jdbc.password", "****").containsKey("broker.port");
        assertThat(config.get(Settings.JDBC_PASSWORD)).isEqualTo("secret");
    }

    @Test
    void everyKeyIsUniqueAndEveryDefaultParses() {
        assertThat(Settings.ALL).extracting(Setting::key).doesNotHaveDuplicates();
        NodeConfig config = NodeConfig.defaults(dataDir);
        Settings.ALL.forEach(setting -> assertThat((Object) config.get(setting)).as(setting.key()).isNotNull());
    }

    private Path write(String properties) throws IOException {
        Path file = Files.createTempFile(dataDir, "node", ".properties");
        Files.writeString(file, properties);
        return file;
    }
}

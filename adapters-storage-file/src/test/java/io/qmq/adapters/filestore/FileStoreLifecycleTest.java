package io.qmq.adapters.filestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qmq.application.port.out.MessageLogException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One store directory has one owner at a time, and the configuration refuses what cannot work. */
class FileStoreLifecycleTest {

    @TempDir
    Path dataDir;

    @Test
    void aSecondOpenOfTheSameMessageLogFailsUntilTheFirstCloses() {
        FileStoreConfig config = FileStoreConfig.defaults(dataDir);
        try (FileMessageLog first = FileMessageLog.open(config, Clock.systemUTC())) {
            assertThatThrownBy(() -> FileMessageLog.open(config, Clock.systemUTC()))
                    .isInstanceOf(MessageLogException.class)
                    .hasMessageContaining(dataDir.toString());
        }
        FileMessageLog.open(config, Clock.systemUTC()).close();
    }

    @Test
    void aSecondOpenOfTheSamePullLogFailsUntilTheFirstCloses() {
        FileStoreConfig config = FileStoreConfig.defaults(dataDir);
        try (FilePullLog first = FilePullLog.open(config)) {
            assertThatThrownBy(() -> FilePullLog.open(config)).isInstanceOf(UncheckedIOException.class);
        }
        FilePullLog.open(config).close();
    }

    @Test
    void closingTwiceIsHarmless() {
        FileMessageLog log = FileMessageLog.open(FileStoreConfig.defaults(dataDir), Clock.systemUTC());
        log.close();
        log.close();
    }

    @Test
    void theConfigurationRefusesWhatCannotWork() {
        FileStoreConfig defaults = FileStoreConfig.defaults(dataDir);
        assertThat(defaults.flush()).isEqualTo(FlushPolicy.ASYNC);
        assertThat(defaults.segmentBytes()).isEqualTo(256L * 1024 * 1024);
        assertThatThrownBy(() -> defaults.withSegmentBytes(100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FileStoreConfig(dataDir, FlushPolicy.SYNC, Duration.ofMillis(500), 1 << 20, 1000,
                Duration.ofSeconds(30), 16, 1 << 20)).hasMessageContaining("power of two");
        assertThatThrownBy(() -> new FileStoreConfig(dataDir, FlushPolicy.SYNC, Duration.ZERO, 1 << 20, 1024,
                Duration.ofSeconds(30), 16, 1 << 20)).hasMessageContaining("flushInterval");
    }
}

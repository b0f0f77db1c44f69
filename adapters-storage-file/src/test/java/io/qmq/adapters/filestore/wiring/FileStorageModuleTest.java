package io.qmq.adapters.filestore.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dagger.BindsInstance;
import dagger.Component;
import io.qmq.adapters.filestore.FileStorageModule;
import io.qmq.adapters.filestore.FileStoreConfig;
import io.qmq.application.port.out.BrokerMetrics;
import io.qmq.application.port.out.MessageLog;
import io.qmq.application.port.out.PullLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import javax.inject.Provider;
import javax.inject.Singleton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The module as a bootstrap uses it, from another package: lazy, keyed "file", one store for both ports. */
class FileStorageModuleTest {

    @Singleton
    @Component(modules = FileStorageModule.class)
    interface StoreComponent {
        Map<String, Provider<MessageLog>> messageLogs();

        Map<String, Provider<PullLog>> pullLogs();

        @Component.Factory
        interface Factory {
            StoreComponent create(@BindsInstance FileStoreConfig config, @BindsInstance Clock clock,
                                  @BindsInstance BrokerMetrics metrics);
        }
    }

    @TempDir
    Path dataDir;

    @Test
    void opensTheStoreOnlyWhenChosenAndSharesIt() {
        StoreComponent component = DaggerFileStorageModuleTest_StoreComponent.factory()
                .create(FileStoreConfig.defaults(dataDir.resolve("store")), Clock.systemUTC(), BrokerMetrics.NONE);

        Map<String, Provider<MessageLog>> messageLogs = component.messageLogs();
        assertThat(messageLogs).containsOnlyKeys("file");
        assertThat(component.pullLogs()).containsOnlyKeys("file");
        assertThat(Files.exists(dataDir.resolve("store"))).isFalse();

        MessageLog messageLog = messageLogs.get("file").get();
        PullLog pullLog = component.pullLogs().get("file").get();
        try {
            assertThat(messageLogs.get("file").get()).isSameAs(messageLog);
            assertThat(component.pullLogs().get("file").get()).isSameAs(pullLog);
            assertThat(dataDir.resolve("store/messages")).isDirectory();
            assertThat(dataDir.resolve("store/pulls")).isDirectory();
        } finally {
            messageLog.close();
            pullLog.close();
        }
    }
}

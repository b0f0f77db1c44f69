package io.qmq.adapters.filestore.schedule.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dagger.BindsInstance;
import dagger.Component;
import io.qmq.adapters.filestore.schedule.ScheduleStorageModule;
import io.qmq.adapters.filestore.schedule.ScheduleStoreConfig;
import io.qmq.application.port.out.ScheduleCatalog;
import io.qmq.application.port.out.ScheduleStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.inject.Provider;
import javax.inject.Singleton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The module as a bootstrap uses it, from another package: lazy, keyed "file", one store for both ports. */
class ScheduleStorageModuleTest {

    @Singleton
    @Component(modules = ScheduleStorageModule.class)
    interface ScheduleComponent {
        Map<String, Provider<ScheduleStore>> scheduleStores();

        Map<String, Provider<ScheduleCatalog>> scheduleCatalogs();

        @Component.Factory
        interface Factory {
            ScheduleComponent create(@BindsInstance ScheduleStoreConfig config);
        }
    }

    @TempDir
    Path dir;

    @Test
    void opensTheStoreOnlyWhenChosenAndServesBothPortsWithIt() {
        ScheduleComponent component = DaggerScheduleStorageModuleTest_ScheduleComponent.factory()
                .create(ScheduleStoreConfig.defaults(dir.resolve("delay")));

        assertThat(component.scheduleStores()).containsOnlyKeys("file");
        assertThat(component.scheduleCatalogs()).containsOnlyKeys("file");
        assertThat(Files.exists(dir.resolve("delay"))).isFalse();

        ScheduleStore store = component.scheduleStores().get("file").get();
        try {
            assertThat(component.scheduleCatalogs().get("file").get()).isSameAs(store);
            assertThat(component.scheduleStores().get("file").get()).isSameAs(store);
            assertThat(dir.resolve("delay/log")).isDirectory();
            assertThat(dir.resolve("delay/segments")).isDirectory();
        } finally {
            store.close();
        }
    }
}

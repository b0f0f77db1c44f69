package io.qmq.adapters.filestore.schedule;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoMap;
import dagger.multibindings.StringKey;
import io.qmq.application.port.out.ScheduleCatalog;
import io.qmq.application.port.out.ScheduleStore;
import javax.inject.Singleton;

/**
 * Contributes the file schedule store under the key "file": one {@link FileScheduleStore} serves as
 * both the {@link ScheduleStore} and its {@link ScheduleCatalog}. The component must supply a
 * {@link ScheduleStoreConfig}. Bootstrap picks an entry through its {@code Provider}, so the store is
 * opened only if chosen; closing it (the {@code ScheduleStore}) is the owner's job at shutdown.
 */
@Module
public final class ScheduleStorageModule {

    private ScheduleStorageModule() {
    }

    @Provides
    @Singleton
    static FileScheduleStore fileScheduleStore(ScheduleStoreConfig config) {
        return FileScheduleStore.open(config);
    }

    @Provides
    @IntoMap
    @StringKey("file")
    static ScheduleStore scheduleStore(FileScheduleStore store) {
        return store;
    }

    @Provides
    @IntoMap
    @StringKey("file")
    static ScheduleCatalog scheduleCatalog(FileScheduleStore store) {
        return store;
    }
}

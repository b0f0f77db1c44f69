package io.qmq.adapters.filestore.schedule;

import io.qmq.application.port.out.ScheduleCatalog;
import io.qmq.application.port.out.ScheduleCatalogContract;
import io.qmq.application.port.out.ScheduleStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Under the default (async) policy; the store is its own catalog. */
class FileScheduleCatalogTest extends ScheduleCatalogContract {

    @TempDir
    Path dir;

    @Override
    protected ScheduleStore open() {
        return FileScheduleStore.open(ScheduleStoreConfig.defaults(dir));
    }

    @Override
    protected ScheduleCatalog catalogOf(ScheduleStore store) {
        return (FileScheduleStore) store;
    }
}

package io.qmq.adapters.filestore.schedule;

import io.qmq.adapters.filestore.FlushPolicy;
import io.qmq.application.port.out.ScheduleStore;
import io.qmq.application.port.out.ScheduleStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Under the sync policy, with small log segments so that tests cross segment boundaries. */
class FileScheduleStoreTest extends ScheduleStoreContract {

    @TempDir
    Path dir;

    @Override
    protected ScheduleStore open() {
        return FileScheduleStore.open(ScheduleStoreConfig.defaults(dir).withFlush(FlushPolicy.SYNC)
                .withLogSegmentBytes(64 * 1024));
    }
}

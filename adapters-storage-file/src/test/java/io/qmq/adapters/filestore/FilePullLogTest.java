package io.qmq.adapters.filestore;

import io.qmq.application.port.out.PullLog;
import io.qmq.application.port.out.PullLogContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class FilePullLogTest extends PullLogContract {

    /** Small segments, so that the contract's actions also cross segment boundaries. */
    private static final long SEGMENT_BYTES = 8 * 1024;

    @TempDir
    Path dataDir;

    @Override
    protected PullLog open() {
        return FilePullLog.open(FileStoreConfig.defaults(dataDir).withSegmentBytes(SEGMENT_BYTES));
    }
}

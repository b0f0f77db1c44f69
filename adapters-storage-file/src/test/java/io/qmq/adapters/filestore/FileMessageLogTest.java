package io.qmq.adapters.filestore;

import io.qmq.application.port.out.MessageLog;
import io.qmq.application.port.out.MessageLogContract;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

class FileMessageLogTest extends MessageLogContract {

    /** Small segments, so that the contract's appends also cross segment boundaries. */
    private static final long SEGMENT_BYTES = 16 * 1024;

    @TempDir
    Path dataDir;

    @Override
    protected MessageLog open() {
        return FileMessageLog.open(FileStoreConfig.defaults(dataDir).withSegmentBytes(SEGMENT_BYTES), Clock.systemUTC());
    }
}

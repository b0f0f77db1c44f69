package io.qmq.adapters.filestore;

import io.qmq.application.port.out.MessageLog;
import io.qmq.application.port.out.PullLog;
import java.time.Clock;

/**
 * The file store of one broker: its message log and its pull log, each opened (and recovered) on first
 * use and then shared. Held as a singleton, so both ports use one set of files, and nothing is opened
 * unless the bootstrap picks the file store.
 */
final class FileStore {

    private final FileStoreConfig config;
    private final Clock clock;
    private FileMessageLog messageLog;
    private FilePullLog pullLog;

    FileStore(FileStoreConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    synchronized MessageLog messageLog() {
        if (messageLog == null) {
            messageLog = FileMessageLog.open(config, clock);
        }
        return messageLog;
    }

    synchronized PullLog pullLog() {
        if (pullLog == null) {
            pullLog = FilePullLog.open(config);
        }
        return pullLog;
    }
}

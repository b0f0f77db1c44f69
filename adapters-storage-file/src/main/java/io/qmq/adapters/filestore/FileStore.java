package io.qmq.adapters.filestore;

import io.qmq.application.port.out.BrokerMetrics;
import io.qmq.application.port.out.ConsumerProgressReplica;
import io.qmq.application.port.out.ConsumerProgressSource;
import io.qmq.application.port.out.MessageLog;
import io.qmq.application.port.out.PullLog;
import io.qmq.application.port.out.ReplicaLog;
import io.qmq.application.port.out.ReplicationSource;
import java.time.Clock;

/**
 * The file store of one broker: its message log (also as a replication source or a slave's copy) and its
 * pull log, each opened (and recovered) on first use and then shared. Held as a singleton, so both ports use one set of files, and nothing is opened
 * unless the bootstrap picks the file store.
 */
final class FileStore {

    private final FileStoreConfig config;
    private final Clock clock;
    private final BrokerMetrics metrics;
    private FileMessageLog messageLog;
    private FilePullLog pullLog;
    private ReplicationSource replicationSource;
    private ReplicaLog replicaLog;

    FileStore(FileStoreConfig config, Clock clock) {
        this(config, clock, BrokerMetrics.NONE);
    }

    FileStore(FileStoreConfig config, Clock clock, BrokerMetrics metrics) {
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
    }

    synchronized MessageLog messageLog() {
        return fileMessageLog();
    }

    /** The message log as a master's slave copies it. */
    synchronized ReplicationSource replicationSource() {
        if (replicationSource == null) {
            replicationSource = fileMessageLog().replicationSource();
        }
        return replicationSource;
    }

    /** The message log as a slave's copy of its master's; a slave never appends to it otherwise. */
    synchronized ReplicaLog replicaLog() {
        if (replicaLog == null) {
            replicaLog = fileMessageLog().replicaLog();
        }
        return replicaLog;
    }

    /** The pull log's state as a master's slave copies it. */
    ConsumerProgressSource consumerProgressSource() {
        return () -> filePullLog().snapshotContent();
    }

    /** A slave's copy of its master's consumer progress, in the pull log's directory. */
    ConsumerProgressReplica consumerProgressReplica() {
        return new FileConsumerProgressReplica(config.pullsDir());
    }

    private synchronized FilePullLog filePullLog() {
        pullLog();
        return pullLog;
    }

    private FileMessageLog fileMessageLog() {
        if (messageLog == null) {
            messageLog = FileMessageLog.open(config, clock, metrics);
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

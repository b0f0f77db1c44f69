package io.qmq.adapters.filestore;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoMap;
import dagger.multibindings.StringKey;
import io.qmq.application.port.out.BrokerMetrics;
import io.qmq.application.port.out.ConsumerProgressReplica;
import io.qmq.application.port.out.ConsumerProgressSource;
import io.qmq.application.port.out.MessageLog;
import io.qmq.application.port.out.PullLog;
import io.qmq.application.port.out.ReplicaLog;
import io.qmq.application.port.out.ReplicationSource;
import java.time.Clock;
import javax.inject.Singleton;

/**
 * Contributes the file store's ports under the key {@code "file"}. The bootstrap injects
 * {@code Map<String, Provider<MessageLog>>} (and the same for {@link PullLog}) and calls only the
 * chosen store's provider, so the file store is opened only when chosen. Needs a {@link FileStoreConfig},
 * a {@link Clock} and the {@link BrokerMetrics} (retention reports to them) bound by the component.
 */
@Module
public final class FileStorageModule {

    private FileStorageModule() {
    }

    @Provides
    @Singleton
    static FileStore fileStore(FileStoreConfig config, Clock clock, BrokerMetrics metrics) {
        return new FileStore(config, clock, metrics);
    }

    @Provides
    @IntoMap
    @StringKey("file")
    static MessageLog messageLog(FileStore store) {
        return store.messageLog();
    }

    @Provides
    @IntoMap
    @StringKey("file")
    static PullLog pullLog(FileStore store) {
        return store.pullLog();
    }

    /** The message log as a master's slave reads it; only the file store replicates. */
    @Provides
    @IntoMap
    @StringKey("file")
    static ReplicationSource replicationSource(FileStore store) {
        return store.replicationSource();
    }

    /** Consumer progress as a master's slave copies it. */
    @Provides
    @IntoMap
    @StringKey("file")
    static ConsumerProgressSource consumerProgressSource(FileStore store) {
        return store.consumerProgressSource();
    }

    /** A slave's copy of its master's consumer progress. */
    @Provides
    @IntoMap
    @StringKey("file")
    static ConsumerProgressReplica consumerProgressReplica(FileStore store) {
        return store.consumerProgressReplica();
    }

    /** The message log as a slave's copy of its master's. */
    @Provides
    @IntoMap
    @StringKey("file")
    static ReplicaLog replicaLog(FileStore store) {
        return store.replicaLog();
    }
}

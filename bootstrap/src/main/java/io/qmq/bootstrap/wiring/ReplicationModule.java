package io.qmq.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.Multibinds;
import io.qmq.adapters.netty.ReplicationServer;
import io.qmq.application.port.in.ReportReplicationUseCase;
import io.qmq.application.port.out.ConsumerProgressReplica;
import io.qmq.application.port.out.ConsumerProgressSource;
import io.qmq.application.port.out.ReplicaLog;
import io.qmq.application.port.out.ReplicationSource;
import io.qmq.application.service.ReplicaAcks;
import io.qmq.application.service.ReplicationMode;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import javax.inject.Provider;
import javax.inject.Singleton;

/**
 * A broker node's replication: the master's side (its log and consumer progress as sources, the slave's
 * confirmations, the server, sync sends, lag for the metrics) and the slave's copies of both. Everything is built only
 * when asked for, so a master without replication (or on the SQL store) builds none of it. Only the file
 * store contributes a source and a copy.
 */
@Module
public abstract class ReplicationModule {

    private ReplicationModule() {
    }

    @Multibinds
    abstract Map<String, ReplicationSource> replicationSources();

    @Multibinds
    abstract Map<String, ReplicaLog> replicaLogs();

    @Multibinds
    abstract Map<String, ConsumerProgressSource> progressSources();

    @Multibinds
    abstract Map<String, ConsumerProgressReplica> progressReplicas();

    @Provides
    @Singleton
    static ConsumerProgressSource progressSource(StoreChoice choice, Map<String, Provider<ConsumerProgressSource>> sources) {
        return StorageSelectionModule.choose("consumer progress source", choice, sources).get();
    }

    @Provides
    @Singleton
    static ConsumerProgressReplica progressReplica(StoreChoice choice,
                                                   Map<String, Provider<ConsumerProgressReplica>> replicas) {
        return StorageSelectionModule.choose("consumer progress replica", choice, replicas).get();
    }

    @Provides
    @Singleton
    static ReplicationSource replicationSource(StoreChoice choice, Map<String, Provider<ReplicationSource>> sources) {
        return StorageSelectionModule.choose("replication source", choice, sources).get();
    }

    @Provides
    @Singleton
    static ReplicaLog replicaLog(StoreChoice choice, Map<String, Provider<ReplicaLog>> logs) {
        return StorageSelectionModule.choose("replica log", choice, logs).get();
    }

    @Provides
    @Singleton
    static ReplicaAcks replicaAcks(ReplicationSource source, Clock clock, ReplicationSettings settings) {
        return new ReplicaAcks(source, clock, settings.syncTimeout());
    }

    @Provides
    @Singleton
    static SendReplication sendReplication(ReplicationSettings settings, Provider<ReplicationSource> source,
                                           Provider<ReplicaAcks> acks) {
        return new SendReplication(settings.mode(), source, acks);
    }

    /** Lag only where a master serves a slave; elsewhere the metrics show no replication gauges' values. */
    @Provides
    @Singleton
    static ReportReplicationUseCase reportReplication(ReplicationSettings settings, Provider<ReplicaAcks> acks) {
        if (settings.mode() == ReplicationMode.OFF) {
            return Optional::empty;
        }
        return () -> Optional.of(acks.get().replicationLag());
    }

    @Provides
    @Singleton
    static ReplicationServer replicationServer(ReplicationSettings settings, ReplicationSource source, ReplicaAcks acks,
                                               ConsumerProgressSource progress) {
        return new ReplicationServer(settings.server(), source, acks, progress);
    }
}

package io.qmq.bootstrap.wiring;

import io.qmq.application.port.in.SendMessagesUseCase;
import io.qmq.application.service.ReplicaAcks;
import io.qmq.application.port.out.ReplicationSource;
import io.qmq.application.service.ReplicationMode;
import io.qmq.application.service.SyncReplicatedSend;
import javax.inject.Provider;

/**
 * How a broker node's sends relate to its slave: in sync mode they wait for it
 * ({@link SyncReplicatedSend}), otherwise they do not. Bound only in broker nodes; nodes without
 * replication have none, and the stored sends serve as they are.
 */
public final class SendReplication {

    private final ReplicationMode mode;
    private final Provider<ReplicationSource> source;
    private final Provider<ReplicaAcks> acks;

    SendReplication(ReplicationMode mode, Provider<ReplicationSource> source, Provider<ReplicaAcks> acks) {
        this.mode = mode;
        this.source = source;
        this.acks = acks;
    }

    SendMessagesUseCase around(SendMessagesUseCase stored) {
        return mode == ReplicationMode.SYNC ? new SyncReplicatedSend(stored, source.get(), acks.get()) : stored;
    }
}

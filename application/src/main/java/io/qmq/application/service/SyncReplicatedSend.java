package io.qmq.application.service;

import io.qmq.application.port.in.SendMessagesCommand;
import io.qmq.application.port.in.SendMessagesUseCase;
import io.qmq.application.port.in.SendResult;
import io.qmq.application.port.in.SendStatus;
import io.qmq.application.port.out.ReplicationSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Sync replication: a producer hears "stored" only once the slave has the message too. After the
 * store answers, the batch waits until the slave confirmed the log up to the master's committed end
 * (which covers the batch, possibly a little more). If the slave does not confirm within the sync
 * timeout the stored messages are answered as a store error instead.
 *
 * <p>Why an error rather than quietly degrading to async: an operator picks sync so that every
 * acknowledged message survives losing the master. Degrading would break that promise exactly when the
 * pair is unhealthy, and nobody would know which messages it covered. With an error the producer
 * retries (a duplicate at worst, never a loss); the timeouts show in
 * {@code qmq_replication_sync_timeouts_total}, and an operator who prefers availability runs async.
 */
public final class SyncReplicatedSend implements SendMessagesUseCase {

    private static final System.Logger LOG = System.getLogger(SyncReplicatedSend.class.getName());

    private final SendMessagesUseCase store;
    private final ReplicationSource source;
    private final ReplicaAcks acks;

    public SyncReplicatedSend(SendMessagesUseCase store, ReplicationSource source, ReplicaAcks acks) {
        this.store = store;
        this.source = source;
        this.acks = acks;
    }

    @Override
    public CompletableFuture<List<SendResult>> send(SendMessagesCommand command) {
        return store.send(command).thenCompose(results -> {
            if (results.stream().noneMatch(r -> r.status() == SendStatus.STORED)) {
                return CompletableFuture.completedFuture(results);
            }
            long end = source.committedEnd();
            return acks.awaitSlave(end).handle((ok, failure) -> failure == null ? results : unconfirmed(results, end));
        });
    }

    private List<SendResult> unconfirmed(List<SendResult> results, long end) {
        LOG.log(System.Logger.Level.WARNING, "the slave did not confirm log position " + end + " within "
                + acks.syncTimeout().toMillis() + " ms; answering " + results.size() + " stored messages as store errors");
        String remark = "stored on the master but not confirmed by its slave within " + acks.syncTimeout().toMillis()
                + " ms (replication sync); retry";
        return results.stream()
                .map(r -> r.status() == SendStatus.STORED ? new SendResult(r.id(), SendStatus.STORE_ERROR, remark) : r)
                .toList();
    }
}

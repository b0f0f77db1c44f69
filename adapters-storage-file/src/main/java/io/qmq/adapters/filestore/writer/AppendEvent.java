package io.qmq.adapters.filestore.writer;

import io.qmq.application.port.out.LogChunk;
import io.qmq.application.port.out.ReplicaMark;
import io.qmq.domain.message.Message;
import io.qmq.domain.message.StoredMessage;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A slot of the append ring: one producer's batch of messages with the future to complete, a chunk of
 * the master's log to copy (on a slave), or a request to capture a checkpoint. Slots are reused; the writer clears each one after handling it.
 */
public final class AppendEvent {

    List<Message> messages;
    CompletableFuture<List<StoredMessage>> appended;
    CompletableFuture<CheckpointCapture> checkpoint;
    LogChunk replica;
    CompletableFuture<ReplicaMark> replicated;

    void clear() {
        messages = null;
        appended = null;
        checkpoint = null;
        replica = null;
        replicated = null;
    }
}

package io.qmq.application.port.out;

import java.util.concurrent.CompletableFuture;

/**
 * A slave's copy of its master's message log. It appends the master's records verbatim at the same
 * positions, after checking every one, and indexes them as its own recovery would, so that a restart as
 * master serves exactly what the master had stored. Thread-safe.
 */
public interface ReplicaLog {

    /** Where the copy stands now; what the slave asks its master to continue from. */
    ReplicaMark mark();

    /**
     * Appends the chunk, which must start at the copy's end. The future completes with the new mark once
     * the records are written as the flush policy promises, or exceptionally with
     * {@link ReplicaChunkException} (nothing of the chunk written: damaged, truncated or misplaced; ask
     * again) or {@link MessageLogException} (the copy cannot be written).
     */
    CompletableFuture<ReplicaMark> append(LogChunk chunk);
}

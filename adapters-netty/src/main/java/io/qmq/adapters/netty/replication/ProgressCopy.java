package io.qmq.adapters.netty.replication;

import java.util.Objects;

/**
 * The master's consumer progress, sent to its slave now and then beside the log.
 *
 * @param logPosition the master's committed log end when it was taken: a copy of the log that reaches
 *                    it holds every message the progress refers to
 * @param snapshot    the progress in the store's encoding
 */
public record ProgressCopy(long logPosition, byte[] snapshot) {

    public ProgressCopy {
        Objects.requireNonNull(snapshot, "snapshot");
    }
}

package io.qmq.application.port.out;

/**
 * A slave's copy of its master's consumer progress: the newest snapshot, which the slave's pull log
 * starts from when it is promoted, so consumers carry on near where they were instead of from the start.
 */
public interface ConsumerProgressReplica {

    /**
     * Keeps {@code snapshot} in place of the one before. Only call it once the copy of the message log
     * holds every message the snapshot refers to. Refuses content that does not decode with
     * {@link ReplicaChunkException}, keeping the previous copy.
     */
    void save(byte[] snapshot);
}

package io.qmq.application.port.out;

import java.time.Duration;

/**
 * The master's message log as a slave copies it: raw records by log position. Thread-safe; reads may
 * block (up to the wait given), so callers keep them off network threads.
 */
public interface ReplicationSource {

    /** The position up to which appends are complete: everything before it may be shipped. */
    long committedEnd();

    /**
     * Checks that a slave's copy is a prefix of this log.
     *
     * @throws ReplicaDivergedException when it is not (longer, or its last record differs)
     */
    void verify(ReplicaMark replica);

    /**
     * Whole records from {@code position}: up to {@code maxBytes}, or the one record there if it alone is
     * larger. Waits up to {@code wait} for a record to be committed there and returns an empty chunk if
     * none was.
     *
     * @throws ReplicaDivergedException when {@code position} lies outside the log
     */
    LogChunk read(long position, int maxBytes, Duration wait) throws InterruptedException;
}

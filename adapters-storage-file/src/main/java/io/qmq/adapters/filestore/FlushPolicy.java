package io.qmq.adapters.filestore;

/** When a producer's append counts as stored. */
public enum FlushPolicy {
    /** Once written to the page cache; a background thread forces the log every flush interval. */
    ASYNC,
    /** Once forced to disk; appends arriving together share one force (group commit). */
    SYNC
}

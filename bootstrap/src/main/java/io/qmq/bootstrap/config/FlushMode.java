package io.qmq.bootstrap.config;

/** {@code store.flush}: when a stored message counts as stored. */
public enum FlushMode {
    /** In the page cache; a background flusher forces it to disk every flush interval. */
    ASYNC,
    /** Forced to disk before the producer is answered. */
    SYNC
}

package io.qmq.application.service;

import java.util.Locale;

/** When a master answers a producer, relative to its slave having the message. */
public enum ReplicationMode {
    /** No slave: the master serves no replication. */
    OFF,
    /** Answer once stored on the master; the slave follows, and its lag is reported. */
    ASYNC,
    /** Answer once the slave confirmed it has the message too, or with an error after a timeout. */
    SYNC;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package io.qmq.acceptance.dsl;

/** Where a broker with {@code store.kind=sql} keeps its messages. */
public enum MessageDatabase {

    /** Embedded H2 under the broker's data directory (an empty {@code jdbc.url}). */
    H2,

    /** A fresh database of its own on the local MariaDB; scenarios skip when none runs. */
    MARIADB
}

package io.qmq.acceptance.dsl;

/**
 * Where a node keeps what it stores in SQL: a meta server its meta-data, a broker on {@code store.kind=sql}
 * its messages.
 */
public enum Database {

    /** Embedded H2 under the node's data directory (an empty {@code jdbc.url}). */
    H2,

    /** A fresh database of its own on the local MariaDB; scenarios skip when none runs. */
    MARIADB
}

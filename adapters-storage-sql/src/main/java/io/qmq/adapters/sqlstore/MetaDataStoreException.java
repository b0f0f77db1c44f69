package io.qmq.adapters.sqlstore;

import io.qmq.application.port.out.MetaDataUnavailableException;

/**
 * The meta-data database failed: it is unreachable, a migration failed, or a statement was refused.
 * The message names the operation and what it was about (subject, broker group, client, JDBC URL);
 * the cause is the database's own error.
 */
public final class MetaDataStoreException extends MetaDataUnavailableException {

    private static final long serialVersionUID = 1L;

    public MetaDataStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.qmq.application.port.out;

/**
 * The meta-data store cannot be reached or failed. Meta servers keep answering from what they already
 * know when they see this, and recover when the store answers again.
 */
public class MetaDataUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MetaDataUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

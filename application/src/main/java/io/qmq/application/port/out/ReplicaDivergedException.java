package io.qmq.application.port.out;

/**
 * A slave's copy of the message log is not a prefix of its master's log, so appending the master's
 * records would corrupt it. Replication must stop until an operator decides which copy is right.
 */
public class ReplicaDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReplicaDivergedException(String message) {
        super(message);
    }
}

package io.qmq.application.port.out;

/** A chunk of the master's log was refused unwritten: damaged, truncated or not at the copy's end. */
public class ReplicaChunkException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReplicaChunkException(String message) {
        super(message);
    }
}

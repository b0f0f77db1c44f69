package io.qmq.application.port.in;

/** An operator's change conflicts with the cluster's state (a delay group for a subject, a group still in use). */
public final class ClusterChangeRefusedException extends RuntimeException {

    public ClusterChangeRefusedException(String reason) {
        super(reason);
    }
}

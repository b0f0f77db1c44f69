package io.qmq.application.port.in;

/** How far the slave lags behind this master. */
public interface ReportReplicationUseCase {

    ReplicationLag replicationLag();
}

package io.qmq.application.port.in;

import java.util.Optional;

/** How far the slave lags behind this master; empty where no master serves a slave. */
public interface ReportReplicationUseCase {

    Optional<ReplicationLag> replicationLag();
}

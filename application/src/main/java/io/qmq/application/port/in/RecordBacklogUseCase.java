package io.qmq.application.port.in;

import io.qmq.domain.cluster.BacklogReport;

/** On meta servers: keeps what a broker group reports of its consumers' backlogs, for operators to see. */
public interface RecordBacklogUseCase {

    /**
     * Keeps the report as its group's latest. Never throws for an unreachable meta-data store: the report
     * is dropped (and logged) and the broker's next one takes its place.
     */
    void record(BacklogReport report);
}

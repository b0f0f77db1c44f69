package io.qmq.application.port.out;

import io.qmq.domain.cluster.BacklogReport;
import java.util.List;

/**
 * The latest backlog report of each broker group, shared by the meta servers. Brokers report every
 * heartbeat, so only the latest report of a group is worth keeping.
 */
public interface BacklogReportStore {

    /** Keeps the report as its group's latest, replacing the one before. */
    void save(BacklogReport report);

    /** The latest report of every group that reported and was not forgotten, ordered by group name. */
    List<BacklogReport> all();

    /** Forgets the group's report, as when the group is removed. Forgetting an unknown group does nothing. */
    void remove(String brokerGroup);
}

package io.qmq.application.service;

import io.qmq.application.port.in.RecordBacklogUseCase;
import io.qmq.application.port.out.BacklogReportStore;
import io.qmq.application.port.out.MetaDataUnavailableException;
import io.qmq.domain.cluster.BacklogReport;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps each broker group's latest backlog report. A report the store cannot take is dropped: the next
 * one, a heartbeat later, says more than a retried old one would. One warning per outage, one line when
 * the store takes reports again.
 */
public final class RecordBacklogService implements RecordBacklogUseCase {

    private static final System.Logger LOG = System.getLogger(RecordBacklogService.class.getName());

    private final BacklogReportStore reports;
    private final AtomicBoolean failing = new AtomicBoolean();

    public RecordBacklogService(BacklogReportStore reports) {
        this.reports = reports;
    }

    @Override
    public void record(BacklogReport report) {
        try {
            reports.save(report);
        } catch (MetaDataUnavailableException e) {
            if (failing.compareAndSet(false, true)) {
                LOG.log(System.Logger.Level.WARNING, "dropping backlog reports (first from broker group "
                        + report.brokerGroup() + ") while the meta-data store is unavailable: " + e.getMessage());
            }
            return;
        }
        if (failing.compareAndSet(true, false)) {
            LOG.log(System.Logger.Level.INFO, "meta-data store takes backlog reports again");
        }
    }
}

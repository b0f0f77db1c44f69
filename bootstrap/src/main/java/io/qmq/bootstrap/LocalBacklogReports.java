package io.qmq.bootstrap;

import io.qmq.application.port.in.Backlog;
import io.qmq.application.port.in.RecordBacklogUseCase;
import io.qmq.application.port.in.ReportBacklogUseCase;
import io.qmq.domain.cluster.BacklogReport;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A standalone node's broker reports its backlogs to the meta server in the same process: straight to
 * the use case, every heartbeat interval, as a broker of a cluster does over the network. The report
 * is always complete; subscriptions without backlog are left out, as on the wire. A failed run is
 * logged and the next one still happens.
 */
final class LocalBacklogReports implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalBacklogReports.class);

    private final ReportBacklogUseCase backlogs;
    private final RecordBacklogUseCase recordBacklog;
    private final String brokerGroup;
    private final Clock clock;

    LocalBacklogReports(ReportBacklogUseCase backlogs, RecordBacklogUseCase recordBacklog, String brokerGroup,
                        Clock clock) {
        this.backlogs = backlogs;
        this.recordBacklog = recordBacklog;
        this.brokerGroup = brokerGroup;
        this.clock = clock;
    }

    static void schedule(ReportBacklogUseCase backlogs, RecordBacklogUseCase recordBacklog, String brokerGroup, Clock clock,
                         ScheduledExecutorService scheduler, Duration every) {
        scheduler.scheduleWithFixedDelay(new LocalBacklogReports(backlogs, recordBacklog, brokerGroup, clock), 0,
                every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void run() {
        try {
            recordBacklog.record(new BacklogReport(brokerGroup, clock.millis(), true, backlogs.backlogs().stream()
                    .filter(b -> b.total() > 0)
                    .map(LocalBacklogReports::entry)
                    .toList()));
        } catch (RuntimeException e) {
            LOG.warn("backlog report of broker group {} failed; trying again next period", brokerGroup, e);
        }
    }

    private static BacklogReport.Entry entry(Backlog backlog) {
        return new BacklogReport.Entry(backlog.subscription(), backlog.undelivered(), backlog.unacknowledged());
    }
}

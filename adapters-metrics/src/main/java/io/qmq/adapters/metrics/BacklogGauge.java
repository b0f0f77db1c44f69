package io.qmq.adapters.metrics;

import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.qmq.application.port.in.Backlog;
import io.qmq.application.port.in.ReportBacklogUseCase;
import java.util.List;
import javax.inject.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far each consumer group lags behind each subject, computed when Prometheus scrapes rather
 * than tracked on every send, pull and ack: the pull log already holds the answer, and a scrape every
 * few seconds costs far less than bookkeeping on the hot paths.
 *
 * <p>The use case is looked up through a {@link Provider} at the first scrape so that metrics never
 * force the storage to open before the node does.
 */
final class BacklogGauge {

    static final String NAME = "qmq_backlog_messages";
    static final String UNDELIVERED = "undelivered";
    static final String UNACKNOWLEDGED = "unacknowledged";
    private static final Logger LOG = LoggerFactory.getLogger(BacklogGauge.class);

    private BacklogGauge() {
    }

    static void register(PrometheusRegistry registry, Provider<ReportBacklogUseCase> backlogs) {
        GaugeWithCallback.builder()
                .name(NAME)
                .help("Messages a consumer group has not finished: not yet handed out, or handed out but not acknowledged")
                .labelNames(PrometheusBrokerMetrics.SUBJECT, PrometheusBrokerMetrics.GROUP, "state")
                .callback(callback -> {
                    for (Backlog backlog : current(backlogs)) {
                        String subject = backlog.subscription().subject().name();
                        String group = backlog.subscription().group().name();
                        callback.call(backlog.undelivered(), subject, group, UNDELIVERED);
                        callback.call(backlog.unacknowledged(), subject, group, UNACKNOWLEDGED);
                    }
                })
                .register(registry);
    }

    /** A failing backlog report must not break the whole scrape: the counters are still worth serving. */
    private static List<Backlog> current(Provider<ReportBacklogUseCase> backlogs) {
        try {
            return backlogs.get().backlogs();
        } catch (RuntimeException e) {
            LOG.warn("backlog report failed; scraping without backlog gauges", e);
            return List.of();
        }
    }
}

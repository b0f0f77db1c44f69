package io.qmq.adapters.metrics;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.qmq.application.port.in.ReplicationLag;
import io.qmq.application.port.in.ReportReplicationUseCase;
import java.util.Optional;
import javax.inject.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A master's view of its slave, read at each scrape: {@code qmq_replication_lag_bytes} (committed here,
 * not yet confirmed by the slave), {@code qmq_replication_lag_seconds} (how long the slave has lacked
 * something the master had), {@code qmq_replication_slaves} (connected now) and
 * {@code qmq_replication_sync_timeouts_total} (sync sends answered with an error because the slave did
 * not confirm in time). A node that serves no slave reports no samples.
 */
final class ReplicationGauge {

    static final String LAG_BYTES = "qmq_replication_lag_bytes";
    static final String LAG_SECONDS = "qmq_replication_lag_seconds";
    static final String SLAVES = "qmq_replication_slaves";
    static final String SYNC_TIMEOUTS = "qmq_replication_sync_timeouts";
    private static final Logger LOG = LoggerFactory.getLogger(ReplicationGauge.class);

    private ReplicationGauge() {
    }

    static void register(PrometheusRegistry registry, Provider<ReportReplicationUseCase> replication) {
        GaugeWithCallback.builder().name(LAG_BYTES).help("Message log bytes the slave has not confirmed yet")
                .callback(c -> current(replication).ifPresent(lag -> c.call(lag.bytes()))).register(registry);
        GaugeWithCallback.builder().name(LAG_SECONDS).help("How long the slave has lacked something the master had")
                .callback(c -> current(replication).ifPresent(lag -> c.call(lag.behind().toMillis() / 1000.0)))
                .register(registry);
        GaugeWithCallback.builder().name(SLAVES).help("Slaves connected to this master")
                .callback(c -> current(replication).ifPresent(lag -> c.call(lag.slaves()))).register(registry);
        CounterWithCallback.builder().name(SYNC_TIMEOUTS)
                .help("Sync-mode sends answered with an error because the slave did not confirm them in time")
                .callback(c -> current(replication).ifPresent(lag -> c.call(lag.syncTimeouts()))).register(registry);
    }

    private static Optional<ReplicationLag> current(Provider<ReportReplicationUseCase> replication) {
        try {
            return replication.get().replicationLag();
        } catch (RuntimeException e) {
            LOG.warn("replication report failed; scraping without replication gauges", e);
            return Optional.empty();
        }
    }
}

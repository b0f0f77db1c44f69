package io.qmq.adapters.metrics;

import dagger.Binds;
import dagger.BindsOptionalOf;
import dagger.Module;
import dagger.Provides;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.qmq.application.port.in.ReportBacklogUseCase;
import io.qmq.application.port.in.ReportReplicationUseCase;
import io.qmq.application.port.out.BrokerMetrics;
import io.qmq.application.port.out.DelayMetrics;
import java.util.Optional;
import javax.inject.Provider;
import javax.inject.Singleton;

/**
 * Binds {@link BrokerMetrics} to Prometheus counters and provides the {@code /metrics} endpoint. The
 * component must supply a {@link MetricsConfig} and a {@link ReportBacklogUseCase}.
 *
 * <p>Each node gets a registry of its own rather than Prometheus' default one, so that several nodes
 * in one JVM (as in tests) never collide on metric names.
 */
@Module
public abstract class MetricsModule {

    private MetricsModule() {
    }

    @Binds
    abstract BrokerMetrics brokerMetrics(PrometheusBrokerMetrics metrics);

    /** The delay server's metrics; needs the application's {@code DelayTimer} for its in-memory gauge. */
    @Binds
    abstract DelayMetrics delayMetrics(PrometheusDelayMetrics metrics);

    /** Bound by broker nodes, whose masters may serve a slave. */
    @BindsOptionalOf
    abstract ReportReplicationUseCase replication();

    @Provides
    @Singleton
    static PrometheusRegistry registry() {
        return new PrometheusRegistry();
    }

    /** Starts serving; the JVM and backlog gauges are registered only by a node that serves them. */
    @Provides
    @Singleton
    static MetricsServer metricsServer(MetricsConfig config, PrometheusRegistry registry,
                                       Provider<ReportBacklogUseCase> backlogs,
                                       Optional<Provider<ReportReplicationUseCase>> replication) {
        JvmMetrics.builder().register(registry);
        BacklogGauge.register(registry, backlogs);
        replication.ifPresent(r -> ReplicationGauge.register(registry, r));
        return MetricsServer.start(config, registry);
    }
}

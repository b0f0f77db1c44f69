package io.qmq.adapters.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import io.qmq.application.port.out.DelayMetrics;
import io.qmq.application.service.DelayTimer;
import io.qmq.domain.message.Subject;
import java.time.Duration;
import javax.inject.Inject;
import javax.inject.Provider;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delay server's metrics: messages scheduled and forwarded per subject, forward failures, how late
 * each forward was, and how many due-soon messages the timer holds in memory.
 *
 * <p>The total pending count is not a gauge: the store keeps it per subject and time range only (ask
 * the admin endpoint). Over a process's life, {@code scheduled - forwarded} per subject approximates it.
 * The in-memory gauge reads the timer at scrape time through a {@link Provider}, so metrics never start
 * the timer.
 */
@Singleton
final class PrometheusDelayMetrics implements DelayMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(PrometheusDelayMetrics.class);
    /** The promise is "within 100 ms": millisecond buckets below it, coarse ones for trouble above it. */
    static final double[] LATENESS_BOUNDS = {0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 5};

    private final Counter scheduled;
    private final Counter forwarded;
    private final Counter forwardErrors;
    private final Histogram lateness;

    @Inject
    PrometheusDelayMetrics(PrometheusRegistry registry, Provider<DelayTimer> timer) {
        scheduled = counter(registry, "qmq_delay_messages_scheduled", "Delayed messages accepted and stored");
        forwarded = counter(registry, "qmq_delay_messages_forwarded", "Delayed messages a realtime broker stored");
        forwardErrors = Counter.builder().name("qmq_delay_forward_errors")
                .help("Due messages whose forward failed; they are tried again").register(registry);
        lateness = Histogram.builder()
                .name("qmq_delay_lateness_seconds")
                .help("Time from a message's due time until a realtime broker acknowledged it")
                .unit(Unit.SECONDS)
                .classicOnly()
                .classicUpperBounds(LATENESS_BOUNDS)
                .register(registry);
        GaugeWithCallback.builder()
                .name("qmq_delay_due_soon_messages")
                .help("Pending messages due within the look-ahead window, held in memory by the timer")
                .callback(callback -> callback.call(dueSoon(timer)))
                .register(registry);
    }

    private static Counter counter(PrometheusRegistry registry, String name, String help) {
        return Counter.builder().name(name).help(help).labelNames(PrometheusBrokerMetrics.SUBJECT).register(registry);
    }

    /** A timer that cannot answer must not break the scrape. */
    private static double dueSoon(Provider<DelayTimer> timer) {
        try {
            return timer.get().waitingInMemory();
        } catch (RuntimeException e) {
            LOG.warn("delay timer did not report its size; scraping without it", e);
            return Double.NaN;
        }
    }

    @Override
    public void messagesScheduled(Subject subject, int count) {
        scheduled.labelValues(subject.name()).inc(count);
    }

    @Override
    public void messageForwarded(Subject subject, Duration lateness) {
        forwarded.labelValues(subject.name()).inc();
        this.lateness.observe(lateness.toNanos() / 1e9);
    }

    @Override
    public void forwardFailed(int count) {
        forwardErrors.inc(count);
    }
}

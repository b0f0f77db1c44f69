package io.qmq.adapters.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import io.qmq.application.port.out.DelayMetrics;
import io.qmq.application.port.out.ScheduleStore;
import io.qmq.application.service.DelayTimer;
import io.qmq.domain.message.Subject;
import java.time.Duration;
import java.util.function.DoubleSupplier;
import javax.inject.Inject;
import javax.inject.Provider;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delay server's metrics: messages scheduled and forwarded per subject (and those found already
 * stored by a broker after a restart), forward failures, how late each forward was, how many messages
 * are pending in all, and how many due-soon messages the timer holds in memory.
 *
 * <p>The gauges read the store and the timer at scrape time through {@link Provider}s, so metrics never
 * open the store or start the timer. Pending counts per subject and time range are the admin endpoint's.
 */
@Singleton
final class PrometheusDelayMetrics implements DelayMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(PrometheusDelayMetrics.class);
    /** The promise is "within 100 ms": millisecond buckets below it, coarse ones for trouble above it. */
    static final double[] LATENESS_BOUNDS = {0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 5};

    private final Counter scheduled;
    private final Counter forwarded;
    private final Counter foundStored;
    private final Counter forwardErrors;
    private final Histogram lateness;

    @Inject
    PrometheusDelayMetrics(PrometheusRegistry registry, Provider<DelayTimer> timer, Provider<ScheduleStore> store) {
        scheduled = counter(registry, "qmq_delay_messages_scheduled", "Delayed messages accepted and stored");
        forwarded = counter(registry, "qmq_delay_messages_forwarded", "Delayed messages a realtime broker stored");
        foundStored = counter(registry, "qmq_delay_messages_found_stored",
                "Messages whose forward was in doubt after a restart and that a broker already stored");
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
                .callback(callback -> callback.call(readSafely("delay timer", () -> timer.get().waitingInMemory())))
                .register(registry);
        GaugeWithCallback.builder()
                .name("qmq_delay_pending_messages")
                .help("Messages stored and neither forwarded nor cancelled yet, whatever their due time")
                .callback(callback -> callback.call(readSafely("schedule store", () -> store.get().pendingCount())))
                .register(registry);
    }

    private static Counter counter(PrometheusRegistry registry, String name, String help) {
        return Counter.builder().name(name).help(help).labelNames(PrometheusBrokerMetrics.SUBJECT).register(registry);
    }

    /** A timer or store that cannot answer must not break the scrape. */
    private static double readSafely(String what, DoubleSupplier reading) {
        try {
            return reading.getAsDouble();
        } catch (RuntimeException e) {
            LOG.warn("{} did not answer; scraping without it", what, e);
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
    public void foundAlreadyStored(Subject subject, int count) {
        forwarded.labelValues(subject.name()).inc(count);
        foundStored.labelValues(subject.name()).inc(count);
    }

    @Override
    public void forwardFailed(int count) {
        forwardErrors.inc(count);
    }
}

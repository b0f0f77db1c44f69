package io.qmq.adapters.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.qmq.domain.message.Subject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PrometheusDelayMetricsTest {

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final AtomicLong pending = new AtomicLong();
    private final PrometheusDelayMetrics metrics = new PrometheusDelayMetrics(registry, () -> {
        throw new IllegalStateException("no timer in this test");
    }, () -> new CountingStore(pending));

    @Test
    void scheduledAndForwardedCountPerSubject() {
        metrics.messagesScheduled(Subject.of("orders"), 3);
        metrics.messageForwarded(Subject.of("orders"), Duration.ofMillis(4));

        assertThat(counterTotal("qmq_delay_messages_scheduled")).isEqualTo(3);
        assertThat(counterTotal("qmq_delay_messages_forwarded")).isEqualTo(1);
    }

    @Test
    void latenessFallsIntoMillisecondBuckets() {
        metrics.messageForwarded(Subject.of("orders"), Duration.ofMillis(3));
        metrics.messageForwarded(Subject.of("orders"), Duration.ofMillis(4));
        metrics.messageForwarded(Subject.of("orders"), Duration.ofMillis(150));

        HistogramSnapshot.HistogramDataPointSnapshot point =
                ((HistogramSnapshot) snapshot("qmq_delay_lateness_seconds")).getDataPoints().get(0);
        assertThat(point.getCount()).isEqualTo(3);
        var buckets = point.getClassicBuckets();
        long upTo5ms = 0;
        long upTo100ms = 0;
        for (int i = 0; i < buckets.size(); i++) {
            if (buckets.getUpperBound(i) <= 0.005) {
                upTo5ms += buckets.getCount(i);
            }
            if (buckets.getUpperBound(i) <= 0.1) {
                upTo100ms += buckets.getCount(i);
            }
        }
        assertThat(upTo5ms).isEqualTo(2);
        assertThat(upTo100ms).isEqualTo(2);
    }

    @Test
    void forwardErrorsCount() {
        metrics.forwardFailed(2);
        metrics.forwardFailed(1);

        assertThat(counterTotal("qmq_delay_forward_errors")).isEqualTo(3);
    }

    @Test
    void messagesFoundAlreadyStoredCountAsForwardedToo() {
        metrics.foundAlreadyStored(Subject.of("orders"), 2);

        assertThat(counterTotal("qmq_delay_messages_found_stored")).isEqualTo(2);
        assertThat(counterTotal("qmq_delay_messages_forwarded")).isEqualTo(2);
    }

    @Test
    void thePendingGaugeReadsTheStoreAtEachScrape() {
        pending.set(7);
        assertThat(gauge("qmq_delay_pending_messages")).isEqualTo(7);

        pending.set(3);
        assertThat(gauge("qmq_delay_pending_messages")).isEqualTo(3);
    }

    @Test
    void aStoreThatCannotAnswerDoesNotBreakTheScrape() {
        PrometheusRegistry other = new PrometheusRegistry();
        new PrometheusDelayMetrics(other, () -> null, () -> {
            throw new IllegalStateException("no store in this test");
        });

        assertThat(((GaugeSnapshot) other.scrape().stream()
                .filter(s -> s.getMetadata().getName().equals("qmq_delay_pending_messages")).findFirst().orElseThrow())
                .getDataPoints().get(0).getValue()).isNaN();
    }

    @Test
    void aTimerThatCannotAnswerDoesNotBreakTheScrape() {
        GaugeSnapshot gauge = (GaugeSnapshot) snapshot("qmq_delay_due_soon_messages");

        assertThat(gauge.getDataPoints().get(0).getValue()).isNaN();
    }

    private double gauge(String name) {
        return ((GaugeSnapshot) snapshot(name)).getDataPoints().get(0).getValue();
    }

    private double counterTotal(String name) {
        return ((CounterSnapshot) snapshot(name)).getDataPoints().stream()
                .mapToDouble(CounterSnapshot.CounterDataPointSnapshot::getValue).sum();
    }

    private MetricSnapshot snapshot(String name) {
        return registry.scrape().stream()
                .filter(s -> s.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no metric " + name));
    }

}

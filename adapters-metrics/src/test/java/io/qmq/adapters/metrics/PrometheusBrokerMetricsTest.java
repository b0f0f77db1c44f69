package io.qmq.adapters.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.qmq.application.port.in.SendStatus;
import io.qmq.domain.consumer.ConsumerGroup;
import io.qmq.domain.consumer.Subscription;
import io.qmq.domain.message.Subject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PrometheusBrokerMetricsTest {

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusBrokerMetrics metrics = new PrometheusBrokerMetrics(registry);
    private final Subscription billing = new Subscription(Subject.of("orders"), ConsumerGroup.of("billing"));

    @Test
    void storedMessagesAndBytesCountPerSubject() {
        metrics.messagesStored(Subject.of("orders"), 3, 300);
        metrics.messagesStored(Subject.of("orders"), 2, 50);
        metrics.messagesStored(Subject.of("payments"), 1, 10);

        assertThat(counter("qmq_messages_stored", "subject", "orders")).isEqualTo(5);
        assertThat(counter("qmq_message_bytes_stored", "subject", "orders")).isEqualTo(350);
        assertThat(counter("qmq_messages_stored", "subject", "payments")).isEqualTo(1);
    }

    @Test
    void refusalsCountPerSubjectAndStatus() {
        metrics.messageRefused(Subject.of("orders"), SendStatus.BUSY);
        metrics.messageRefused(Subject.of("orders"), SendStatus.BUSY);
        metrics.messageRefused(Subject.of("orders"), SendStatus.READ_ONLY);

        assertThat(counter("qmq_messages_refused", "subject", "orders", "status", "BUSY")).isEqualTo(2);
        assertThat(counter("qmq_messages_refused", "subject", "orders", "status", "READ_ONLY")).isEqualTo(1);
    }

    @Test
    void pullsCountMessagesBytesAndEmptyPullsPerSubscription() {
        metrics.pullServed(billing, 4, 400);
        metrics.pullServed(billing, 0, 0);

        assertThat(counter("qmq_pulls", "subject", "orders", "group", "billing")).isEqualTo(2);
        assertThat(counter("qmq_empty_pulls", "subject", "orders", "group", "billing")).isEqualTo(1);
        assertThat(counter("qmq_messages_pulled", "subject", "orders", "group", "billing")).isEqualTo(4);
        assertThat(counter("qmq_message_bytes_pulled", "subject", "orders", "group", "billing")).isEqualTo(400);
    }

    @Test
    void acksAndRedeliveriesCountPerSubscription() {
        metrics.messagesAcked(billing, 7);
        metrics.messagesRedelivered(billing, 2);

        assertThat(counter("qmq_messages_acked", "subject", "orders", "group", "billing")).isEqualTo(7);
        assertThat(counter("qmq_messages_redelivered", "subject", "orders", "group", "billing")).isEqualTo(2);
    }

    @Test
    void retentionReportsLogBytesDeletedSegmentsAndSkippedMessages() {
        metrics.messageLogSwept(10_000, 2, 8_192);
        metrics.messageLogSwept(6_000, 1, 4_096);
        metrics.expiredMessagesSkipped(Subject.of("orders"), 12);

        GaugeSnapshot bytes = (GaugeSnapshot) snapshot("qmq_message_log_bytes");
        assertThat(bytes.getDataPoints().get(0).getValue()).isEqualTo(6_000);
        assertThat(counter("qmq_message_log_segments_deleted")).isEqualTo(3);
        assertThat(counter("qmq_message_log_bytes_deleted")).isEqualTo(12_288);
        assertThat(counter("qmq_expired_messages_skipped", "subject", "orders")).isEqualTo(12);
    }

    @Test
    void appendLatencyIsObservedInSeconds() {
        metrics.appendCompleted(Duration.ofMillis(3));
        metrics.appendCompleted(Duration.ofMillis(7));

        HistogramSnapshot.HistogramDataPointSnapshot point =
                ((HistogramSnapshot) snapshot("qmq_append_latency_seconds")).getDataPoints().get(0);
        assertThat(point.getCount()).isEqualTo(2);
        assertThat(point.getSum()).isCloseTo(0.010, org.assertj.core.data.Offset.offset(1e-9));
    }

    private double counter(String name, String... labels) {
        CounterSnapshot counter = (CounterSnapshot) snapshot(name);
        Labels wanted = Labels.of(labels);
        return counter.getDataPoints().stream()
                .filter(p -> p.getLabels().equals(wanted))
                .mapToDouble(CounterSnapshot.CounterDataPointSnapshot::getValue)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no series " + name + wanted));
    }

    private MetricSnapshot snapshot(String name) {
        return registry.scrape().stream()
                .filter(s -> s.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no metric " + name));
    }
}

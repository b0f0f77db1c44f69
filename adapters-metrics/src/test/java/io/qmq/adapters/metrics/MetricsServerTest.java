package io.qmq.adapters.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.qmq.application.port.in.Backlog;
import io.qmq.application.port.in.ReplicationLag;
import io.qmq.application.port.in.ReportBacklogUseCase;
import io.qmq.application.port.in.ReportReplicationUseCase;
import io.qmq.domain.consumer.ConsumerGroup;
import io.qmq.domain.consumer.Subscription;
import io.qmq.domain.message.Subject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetricsServerTest {

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final AtomicReference<List<Backlog>> backlogs = new AtomicReference<>(List.of());
    private final ReportBacklogUseCase report = backlogs::get;
    private final AtomicReference<Optional<ReplicationLag>> lag = new AtomicReference<>(Optional.empty());
    private final ReportReplicationUseCase replication = lag::get;
    private final MetricsServer server = MetricsModule.metricsServer(new MetricsConfig("127.0.0.1", 0), registry,
            () -> report, Optional.of(() -> replication));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void servesCountersOnAnEphemeralPort() throws Exception {
        new PrometheusBrokerMetrics(registry).messagesStored(Subject.of("orders"), 3, 120);

        assertThat(server.port()).isPositive();
        assertThat(scrape()).contains("qmq_messages_stored_total{subject=\"orders\"} 3.0");
    }

    @Test
    void computesBacklogAtScrapeTime() throws Exception {
        Subscription billing = new Subscription(Subject.of("orders"), ConsumerGroup.of("billing"));
        backlogs.set(List.of(new Backlog(billing, 5, 2)));
        String first = scrape();
        backlogs.set(List.of(new Backlog(billing, 0, 1)));
        String second = scrape();

        assertThat(first)
                .contains("qmq_backlog_messages{group=\"billing\",state=\"undelivered\",subject=\"orders\"} 5.0")
                .contains("qmq_backlog_messages{group=\"billing\",state=\"unacknowledged\",subject=\"orders\"} 2.0");
        assertThat(second)
                .contains("qmq_backlog_messages{group=\"billing\",state=\"undelivered\",subject=\"orders\"} 0.0");
    }

    @Test
    void aFailingBacklogReportStillServesTheRest() throws Exception {
        MetricsServer failing = MetricsModule.metricsServer(new MetricsConfig("127.0.0.1", 0), new PrometheusRegistry(),
                () -> () -> {
                    throw new IllegalStateException("pull log closed");
                }, Optional.empty());
        try {
            assertThat(get(failing.port()).body()).contains("jvm_threads_current").doesNotContain("qmq_backlog_messages{");
        } finally {
            failing.close();
        }
    }

    @Test
    void reportsReplicationLagOnlyWhereAMasterServesASlave() throws Exception {
        String none = scrape();
        lag.set(Optional.of(new ReplicationLag(1, 4096, Duration.ofMillis(2500), 3)));
        String some = scrape();

        assertThat(none).doesNotContain("qmq_replication_lag_bytes ");
        assertThat(some).contains("qmq_replication_lag_bytes 4096.0").contains("qmq_replication_lag_seconds 2.5")
                .contains("qmq_replication_slaves 1.0").contains("qmq_replication_sync_timeouts_total 3.0");
    }

    @Test
    void servesJvmMetrics() throws Exception {
        assertThat(scrape()).contains("jvm_memory_used_bytes").contains("jvm_threads_current");
    }

    @Test
    void stopsServingWhenClosed() {
        int port = server.port();
        server.close();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> get(port)).isInstanceOf(ConnectException.class);
    }

    private String scrape() throws IOException, InterruptedException {
        HttpResponse<String> response = get(server.port());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> get(int port) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .timeout(Duration.ofSeconds(5)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}

package io.qmq.adapters.metrics;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP endpoint Prometheus scrapes: {@code GET /metrics} in the text exposition format. It owns
 * a small thread pool of its own, so a slow scraper never touches broker threads.
 */
public final class MetricsServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsServer.class);

    private final HTTPServer server;

    private MetricsServer(HTTPServer server) {
        this.server = server;
    }

    static MetricsServer start(MetricsConfig config, PrometheusRegistry registry) {
        try {
            HTTPServer server = HTTPServer.builder()
                    .hostname(config.bindHost())
                    .port(config.port())
                    .registry(registry)
                    .buildAndStart();
            LOG.info("metrics served at http://{}:{}/metrics", config.bindHost(), server.getPort());
            return new MetricsServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve metrics on " + config.bindHost() + ":" + config.port(), e);
        }
    }

    /** The port actually bound: the configured one, or the one picked when it was 0. */
    public int port() {
        return server.getPort();
    }

    /** Stops accepting scrapes; a scrape in progress is cut short. */
    @Override
    public void close() {
        server.close();
    }
}

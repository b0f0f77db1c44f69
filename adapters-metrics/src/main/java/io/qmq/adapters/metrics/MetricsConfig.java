package io.qmq.adapters.metrics;

/**
 * How the metrics endpoint is served.
 *
 * @param bindHost the address the HTTP exporter listens on; {@code 0.0.0.0} for every interface
 * @param port     the exporter's port ({@code metrics.port}); 0 picks a free one
 */
public record MetricsConfig(String bindHost, int port) {

    public static final int MAX_PORT = 65_535;

    public MetricsConfig {
        if (bindHost == null || bindHost.isBlank()) {
            throw new IllegalArgumentException("metrics bind host is empty");
        }
        if (port < 0 || port > MAX_PORT) {
            throw new IllegalArgumentException("metrics port must be 0 to " + MAX_PORT + ", got " + port);
        }
    }
}

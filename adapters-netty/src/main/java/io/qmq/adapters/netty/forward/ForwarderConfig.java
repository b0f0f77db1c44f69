package io.qmq.adapters.netty.forward;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How the delay server reaches realtime brokers.
 *
 * @param metaServer   discovery URL of the meta server that knows the realtime brokers, e.g.
 *                     {@code http://127.0.0.1:8080/meta/address}
 * @param appCode      the application code the forwarder registers under
 * @param sendTimeout  how long one SEND_MESSAGE may wait for its answer; unanswered messages are retried
 * @param maxPerRequest most records in one SEND_MESSAGE (stock delay servers send up to 50)
 */
public record ForwarderConfig(URI metaServer, String appCode, Duration sendTimeout, int maxPerRequest) {

    public static final Duration DEFAULT_SEND_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_MAX_PER_REQUEST = 50;

    public ForwarderConfig {
        Objects.requireNonNull(metaServer, "meta server URL");
        Objects.requireNonNull(appCode, "app code");
        Objects.requireNonNull(sendTimeout, "send timeout");
        if (sendTimeout.isNegative() || sendTimeout.isZero() || maxPerRequest < 1) {
            throw new IllegalArgumentException("forwarder needs a positive timeout and batch, got " + sendTimeout
                    + " and " + maxPerRequest);
        }
    }

    /** Defaults for everything but the meta server. */
    public static ForwarderConfig to(URI metaServer) {
        return new ForwarderConfig(metaServer, "qmq-delay", DEFAULT_SEND_TIMEOUT, DEFAULT_MAX_PER_REQUEST);
    }
}

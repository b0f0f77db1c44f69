package io.qmq.adapters.netty.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything a {@link QmqClient} is configured with; {@link QmqClient#builder()} fills in the stock
 * client's defaults.
 *
 * @param metaServer           discovery URL, e.g. {@code http://127.0.0.1:8080/meta/address}
 * @param appCode              the application's code, sent to the meta server and stamped on messages
 * @param clientId             this client's identity; consumers pull under it
 * @param connectTimeout       TCP connect timeout
 * @param idleTimeout          a connection with no traffic for this long is closed
 * @param sendTimeout          answer timeout of one SEND_MESSAGE
 * @param pullRequestTimeout   answer timeout of a pull, on top of its long-poll time
 * @param ackTimeout           answer timeout of an ack
 * @param routeRefreshInterval how often routes are re-asked and the meta address re-looked-up
 * @param producerQueueCapacity bound of the producer's queue
 * @param enqueueTimeout       how long {@code send} waits for room in a full queue before refusing
 * @param sendBatchSize        most messages in one SEND_MESSAGE
 * @param senderThreads        threads that drain the producer queue
 * @param sendTries            attempts per message before its future fails
 * @param shutdownTimeout      how long close() waits for pending sends and acks
 * @param maxFrameBytes        largest frame the client accepts
 */
public record QmqClientConfig(URI metaServer, String appCode, String clientId, Duration connectTimeout,
                              Duration idleTimeout, Duration sendTimeout, Duration pullRequestTimeout,
                              Duration ackTimeout, Duration routeRefreshInterval, int producerQueueCapacity,
                              Duration enqueueTimeout, int sendBatchSize, int senderThreads, int sendTries,
                              Duration shutdownTimeout, int maxFrameBytes) {

    public QmqClientConfig {
        Objects.requireNonNull(metaServer, "meta server URL");
        appCode = appCode == null ? "" : appCode;
        Objects.requireNonNull(clientId, "client id");
        positive("producer queue capacity", producerQueueCapacity);
        positive("send batch size", sendBatchSize);
        positive("sender threads", senderThreads);
        positive("send tries", sendTries);
        positive("max frame bytes", maxFrameBytes);
        for (Duration d : new Duration[] {connectTimeout, idleTimeout, sendTimeout, pullRequestTimeout, ackTimeout,
                routeRefreshInterval, enqueueTimeout, shutdownTimeout}) {
            if (d == null || d.isNegative()) {
                throw new IllegalArgumentException("client timeouts must be non-negative durations, got " + d);
            }
        }
    }

    private static void positive(String what, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
    }
}

package io.qmq.adapters.netty.client;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * Builds a {@link QmqClient}. Only the meta server URL is required; the rest defaults to the stock
 * client's values (send timeout 5 s, 10 tries, batches of 30, queue of 10 000, 3 sender threads, route
 * refresh every 60 s) and a client id of {@code <hostname>@@<32 random hex digits>}.
 */
public final class QmqClientBuilder {

    private static final int DEFAULT_MAX_FRAME_BYTES = 64 * 1024 * 1024;

    private URI metaServer;
    private String appCode = "";
    private String clientId;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration idleTimeout = Duration.ofSeconds(120);
    private Duration sendTimeout = Duration.ofSeconds(5);
    private Duration pullRequestTimeout = Duration.ofSeconds(8);
    private Duration ackTimeout = Duration.ofSeconds(10);
    private Duration routeRefreshInterval = Duration.ofSeconds(60);
    private int producerQueueCapacity = 10_000;
    private Duration enqueueTimeout = Duration.ZERO;
    private int sendBatchSize = 30;
    private int senderThreads = 3;
    private int sendTries = 10;
    private Duration shutdownTimeout = Duration.ofSeconds(5);
    private Clock clock = Clock.systemUTC();

    QmqClientBuilder() {
    }

    /** The discovery URL, e.g. {@code http://127.0.0.1:8080/meta/address}. */
    public QmqClientBuilder metaServer(String url) {
        this.metaServer = URI.create(Objects.requireNonNull(url, "meta server URL"));
        return this;
    }

    public QmqClientBuilder appCode(String value) {
        this.appCode = Objects.requireNonNull(value, "app code");
        return this;
    }

    public QmqClientBuilder clientId(String value) {
        this.clientId = Objects.requireNonNull(value, "client id");
        return this;
    }

    public QmqClientBuilder connectTimeout(Duration value) {
        this.connectTimeout = value;
        return this;
    }

    public QmqClientBuilder sendTimeout(Duration value) {
        this.sendTimeout = value;
        return this;
    }

    public QmqClientBuilder pullRequestTimeout(Duration value) {
        this.pullRequestTimeout = value;
        return this;
    }

    public QmqClientBuilder ackTimeout(Duration value) {
        this.ackTimeout = value;
        return this;
    }

    public QmqClientBuilder routeRefreshInterval(Duration value) {
        this.routeRefreshInterval = value;
        return this;
    }

    /** Bound of the producer queue and how long {@code send} waits for room (zero: refuse at once). */
    public QmqClientBuilder producerQueue(int capacity, Duration waitForRoom) {
        this.producerQueueCapacity = capacity;
        this.enqueueTimeout = waitForRoom;
        return this;
    }

    public QmqClientBuilder sendBatchSize(int value) {
        this.sendBatchSize = value;
        return this;
    }

    public QmqClientBuilder senderThreads(int value) {
        this.senderThreads = value;
        return this;
    }

    public QmqClientBuilder sendTries(int value) {
        this.sendTries = value;
        return this;
    }

    public QmqClientBuilder shutdownTimeout(Duration value) {
        this.shutdownTimeout = value;
        return this;
    }

    public QmqClientBuilder clock(Clock value) {
        this.clock = Objects.requireNonNull(value, "clock");
        return this;
    }

    public QmqClientConfig config() {
        if (metaServer == null) {
            throw new IllegalStateException("a QMQ client needs the meta server URL");
        }
        return new QmqClientConfig(metaServer, appCode, clientId == null ? defaultClientId() : clientId,
                connectTimeout, idleTimeout, sendTimeout, pullRequestTimeout, ackTimeout, routeRefreshInterval,
                producerQueueCapacity, enqueueTimeout, sendBatchSize, senderThreads, sendTries, shutdownTimeout,
                DEFAULT_MAX_FRAME_BYTES);
    }

    /** Starts the client: its event loop, timer and meta thread. */
    public QmqClient build() {
        return new QmqClient(config(), clock);
    }

    private static String defaultClientId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "@@" + UUID.randomUUID().toString().replace("-", "");
    }
}

package io.qmq.bootstrap.config;

import io.qmq.adapters.filestore.FileStoreConfig;
import io.qmq.adapters.filestore.retention.RetentionPolicy;
import io.qmq.adapters.filestore.schedule.ScheduleStoreConfig;
import io.qmq.adapters.metrics.MetricsConfig;
import io.qmq.adapters.netty.AdminServerConfig;
import io.qmq.adapters.netty.BrokerServerConfig;
import io.qmq.adapters.netty.MetaServerConfig;
import io.qmq.adapters.netty.forward.ForwarderConfig;
import io.qmq.adapters.sqlstore.SqlStoreConfig;
import io.qmq.application.service.BrokerSettings;
import io.qmq.application.service.DelaySettings;
import io.qmq.application.service.RouteSettings;
import io.qmq.domain.delay.DelayLimit;
import io.qmq.domain.message.MessageSizeLimit;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Builds each adapter's immutable config record from the node's settings. The records check their
 * own invariants; a violation is reported as a configuration error naming the keys involved.
 */
public final class AdapterConfigs {

    private final NodeConfig config;

    public AdapterConfigs(NodeConfig config) {
        this.config = config;
    }

    public Path dataDir() {
        return Path.of(config.get(Settings.STORE_ROOT));
    }

    public String advertisedHost() {
        return config.get(Settings.NODE_HOST);
    }

    public MetricsConfig metrics() {
        return build("bind.host, metrics.port",
                () -> new MetricsConfig(config.get(Settings.BIND_HOST), config.get(Settings.METRICS_PORT)));
    }

    public BrokerServerConfig brokerServer() {
        return build("bind.host, broker.port, broker.max.frame.bytes, broker.idle.timeout.seconds, broker.io.threads",
                () -> new BrokerServerConfig(config.get(Settings.BIND_HOST), config.get(Settings.BROKER_PORT),
                        config.get(Settings.MAX_FRAME_BYTES), Duration.ofSeconds(config.get(Settings.IDLE_TIMEOUT_SECONDS)),
                        config.get(Settings.IO_THREADS)));
    }

    public MetaServerConfig metaServer() {
        return build("bind.host, meta.server.port, meta.server.discover.port, node.host",
                () -> new MetaServerConfig(config.get(Settings.BIND_HOST), config.get(Settings.META_PORT),
                        config.get(Settings.META_DISCOVER_PORT), advertisedHost()));
    }

    /** Message and pull logs directly under the data directory, beside the embedded database. */
    public FileStoreConfig fileStore() {
        return build("store.flush, store.flush.interval.ms, store.segment.bytes, store.pull.segment.bytes, "
                        + "store.checkpoint.interval.seconds, store.ring.size, store.max.open.index.files",
                () -> new FileStoreConfig(dataDir(), config.get(Settings.STORE_FLUSH),
                        Duration.ofMillis(config.get(Settings.FLUSH_INTERVAL_MS)), config.get(Settings.SEGMENT_BYTES),
                        config.get(Settings.RING_SIZE), Duration.ofSeconds(config.get(Settings.CHECKPOINT_INTERVAL_SECONDS)),
                        config.get(Settings.MAX_OPEN_INDEX_FILES), config.get(Settings.PULL_SEGMENT_BYTES))
                        .withRetention(retention()));
    }

    /** Message-log retention: by age ({@code store.retention.hours}, 0 = forever) and an optional disk cap. */
    private RetentionPolicy retention() {
        return build("store.retention.hours, store.retention.max.bytes, store.retention.check.interval.seconds",
                () -> new RetentionPolicy(Duration.ofHours(config.get(Settings.RETENTION_HOURS)),
                        config.get(Settings.RETENTION_MAX_BYTES),
                        Duration.ofSeconds(config.get(Settings.RETENTION_CHECK_SECONDS))));
    }

    /** The configured database, or H2 under the data directory when {@code jdbc.url} is empty. */
    public SqlStoreConfig sqlStore() {
        String url = config.get(Settings.JDBC_URL);
        if (url.isEmpty()) {
            return SqlStoreConfig.embeddedH2(dataDir());
        }
        return build("jdbc.url, jdbc.username, pool.size.max",
                () -> new SqlStoreConfig(url, config.get(Settings.JDBC_USERNAME), config.get(Settings.JDBC_PASSWORD),
                        config.get(Settings.POOL_SIZE)));
    }

    public BrokerSettings brokerSettings() {
        return build("message.retry.delay.seconds, consumer.offline.timeout.seconds, pull.max.bytes, message.max.bytes",
                () -> new BrokerSettings(Duration.ofSeconds(config.get(Settings.RETRY_DELAY_SECONDS)),
                        Duration.ofSeconds(config.get(Settings.CONSUMER_OFFLINE_SECONDS)),
                        config.get(Settings.NEW_GROUP_START), config.get(Settings.PULL_MAX_BYTES),
                        new MessageSizeLimit(config.get(Settings.MESSAGE_MAX_BYTES))));
    }

    public RouteSettings routeSettings() {
        return new RouteSettings(config.get(Settings.MIN_GROUPS_PER_SUBJECT));
    }

    public Duration silentConsumerCheckInterval() {
        return Duration.ofSeconds(config.get(Settings.REDELIVERY_CHECK_SECONDS));
    }

    /** The delay server listens like the broker, on its own port. */
    public BrokerServerConfig delayServer() {
        return build("bind.host, delay.port, broker.max.frame.bytes, broker.idle.timeout.seconds, broker.io.threads",
                () -> new BrokerServerConfig(config.get(Settings.BIND_HOST), config.get(Settings.DELAY_PORT),
                        config.get(Settings.MAX_FRAME_BYTES), Duration.ofSeconds(config.get(Settings.IDLE_TIMEOUT_SECONDS)),
                        config.get(Settings.IO_THREADS)));
    }

    public DelaySettings delaySettings() {
        return build("delay.max.days, delay.lookahead.ms, message.max.bytes",
                () -> new DelaySettings(new DelayLimit(Duration.ofDays(config.get(Settings.DELAY_MAX_DAYS))),
                        new MessageSizeLimit(config.get(Settings.MESSAGE_MAX_BYTES)),
                        Duration.ofMillis(config.get(Settings.DELAY_LOOKAHEAD_MS)),
                        DelaySettings.DEFAULTS.forwardBatch(), DelaySettings.DEFAULTS.retryBackoff()));
    }

    /** Schedules in {@code delay} under the data directory, flushed as {@code store.flush} says. */
    public ScheduleStoreConfig scheduleStore() {
        return build("store.flush, store.flush.interval.ms, delay.segment.minutes",
                () -> new ScheduleStoreConfig(dataDir().resolve("delay"), config.get(Settings.STORE_FLUSH),
                        Duration.ofMillis(config.get(Settings.FLUSH_INTERVAL_MS)),
                        Duration.ofMinutes(config.get(Settings.DELAY_SEGMENT_MINUTES)),
                        ScheduleStoreConfig.DEFAULT_LOG_SEGMENT_BYTES, ScheduleStoreConfig.DEFAULT_QUEUE_CAPACITY,
                        ScheduleStoreConfig.DEFAULT_MAX_OPEN_INDEX_FILES));
    }

    /** Where a delay node alone finds realtime brokers: {@code meta.server.endpoint}, which it requires. */
    public ForwarderConfig forwarder() {
        String endpoint = config.get(Settings.META_ENDPOINT);
        if (endpoint.isEmpty()) {
            throw new ConfigurationException("a delay node needs meta.server.endpoint, the discovery URL of the meta "
                    + "server (e.g. http://meta-host:8080/meta/address)");
        }
        return build("meta.server.endpoint", () -> ForwarderConfig.to(URI.create(endpoint)));
    }

    /** The delay admin endpoint, only when {@code admin.token} is set: no token, no endpoint. */
    public Optional<AdminServerConfig> adminServer() {
        String token = config.get(Settings.ADMIN_TOKEN);
        if (token.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(build("bind.host, admin.port, admin.token",
                () -> new AdminServerConfig(config.get(Settings.BIND_HOST), config.get(Settings.ADMIN_PORT), token)));
    }

    private static <T> T build(String keys, Supplier<T> builder) {
        try {
            return builder.get();
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("invalid combination of " + keys + ": " + e.getMessage(), e);
        }
    }
}

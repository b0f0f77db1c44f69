package io.qmq.bootstrap.config;

import static io.qmq.bootstrap.config.ValueParsers.any;
import static io.qmq.bootstrap.config.ValueParsers.bytes;
import static io.qmq.bootstrap.config.ValueParsers.bytesOrZero;
import static io.qmq.bootstrap.config.ValueParsers.choice;
import static io.qmq.bootstrap.config.ValueParsers.choices;
import static io.qmq.bootstrap.config.ValueParsers.intBytes;
import static io.qmq.bootstrap.config.ValueParsers.nonEmpty;
import static io.qmq.bootstrap.config.ValueParsers.nonNegativeInt;
import static io.qmq.bootstrap.config.ValueParsers.nonNegativeLong;
import static io.qmq.bootstrap.config.ValueParsers.port;
import static io.qmq.bootstrap.config.ValueParsers.positiveInt;
import static io.qmq.bootstrap.config.ValueParsers.powerOfTwo;
import static io.qmq.bootstrap.config.ValueParsers.positiveLong;

import io.qmq.adapters.filestore.FlushPolicy;
import io.qmq.application.service.ReplicationMode;
import io.qmq.domain.consumer.StartPosition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every key a node understands. Names follow QMQ's where QMQ has the setting, so existing
 * {@code broker.properties} lines carry over; keys QMQ lacks use the same dotted style.
 */
public final class Settings {

    private static final String PORT = "port (0 = any free port)";
    private static final String SIZE = "bytes (k, m, g suffixes)";

    public static final Setting<String> STORE_ROOT = new Setting<>("store.root", "(--data-dir)", "directory",
            "Data directory: message logs, pull logs and the embedded meta-data database", nonEmpty());
    public static final Setting<String> NODE_HOST = new Setting<>("node.host", "auto", "host or IPv4 address",
            "Address clients are told to connect to; auto = first non-loopback IPv4, else 127.0.0.1", nonEmpty());
    public static final Setting<String> BIND_HOST = new Setting<>("bind.host", "0.0.0.0", "host or IPv4 address",
            "Address every server socket listens on", nonEmpty());
    public static final Setting<Integer> META_DISCOVER_PORT = new Setting<>("meta.server.discover.port", "8080", PORT,
            "HTTP port of the meta server; GET /meta/address answers host:meta.server.port", port());
    public static final Setting<Integer> META_PORT = new Setting<>("meta.server.port", "20880", PORT,
            "TCP port of the meta server (client and broker registration)", port());
    public static final Setting<Integer> BROKER_PORT = new Setting<>("broker.port", "20881", PORT,
            "TCP port producers and consumers connect to", port());
    public static final Setting<Integer> METRICS_PORT = new Setting<>("metrics.port", "3333", PORT,
            "HTTP port of the Prometheus endpoint /metrics (QMQ's monitor.port)", port());
    public static final Setting<String> BROKER_GROUP = new Setting<>("broker.group", "standalone", "name",
            "Name of the broker group this broker registers as", nonEmpty());
    public static final Setting<String> BROKER_ROLE = new Setting<>("broker.role", "master", "master|slave",
            "Role of this broker in its group: the master serves clients; a slave copies its master's message log "
                    + "(broker.replication.master) and serves no clients", nonEmpty());
    public static final Setting<ReplicationMode> REPLICATION_MODE = new Setting<>("broker.replication.mode", "off",
            choices(ReplicationMode.class), "Master only. off: no slave; async: a send is answered once stored here and "
                    + "the slave follows; sync: once the slave has it too (file store only)", choice(ReplicationMode.class));
    public static final Setting<Integer> REPLICATION_PORT = new Setting<>("broker.replication.port", "20882", PORT,
            "TCP port a master serves its slave on (when broker.replication.mode is async or sync)", port());
    public static final Setting<String> REPLICATION_MASTER = new Setting<>("broker.replication.master", "", "host:port",
            "Slave only: the master's host and broker.replication.port to copy the message log from", any());
    public static final Setting<Long> REPLICATION_SYNC_TIMEOUT_MS = new Setting<>("broker.replication.sync.timeout.ms",
            "3000", "milliseconds", "Sync mode: how long a send waits for the slave before it is answered with an error",
            positiveLong());
    public static final Setting<Long> BROKER_HEARTBEAT_SECONDS = new Setting<>("broker.heartbeat.interval.seconds", "5",
            "seconds", "How often a broker or delay node reports to its meta server", positiveLong());
    public static final Setting<Long> META_HEARTBEAT_TIMEOUT_SECONDS = new Setting<>("meta.heartbeat.timeout.seconds",
            "15", "seconds", "Silence after which the meta server takes a broker group off clients' routes",
            positiveLong());
    public static final Setting<Integer> MAX_FRAME_BYTES = new Setting<>("broker.max.frame.bytes", "64m", SIZE,
            "Largest request frame the broker reads; larger ones are refused unread", intBytes());
    public static final Setting<Long> IDLE_TIMEOUT_SECONDS = new Setting<>("broker.idle.timeout.seconds", "180",
            "seconds", "A client connection silent this long is closed (clients heartbeat more often)", positiveLong());
    public static final Setting<Integer> IO_THREADS = new Setting<>("broker.io.threads", "0", "count",
            "Network threads of the broker; 0 = twice the cores", nonNegativeInt());
    public static final Setting<Integer> PULL_WORKER_THREADS = new Setting<>("pull.worker.threads", "4", "count",
            "Threads that read the message log for pulls", positiveInt());
    public static final Setting<String> STORE_KIND = new Setting<>("store.kind", "file", "file|sql",
            "Where messages and pull logs are kept: segment files in store.root, or the meta-data database",
            nonEmpty());
    public static final Setting<FlushPolicy> STORE_FLUSH = new Setting<>("store.flush", "async", choices(FlushPolicy.class),
            "async: a message is stored once in the page cache; sync: once forced to disk", choice(FlushPolicy.class));
    public static final Setting<Long> FLUSH_INTERVAL_MS = new Setting<>("store.flush.interval.ms", "500", "milliseconds",
            "How often async flushing forces written data to disk", positiveLong());
    public static final Setting<Long> SEGMENT_BYTES = new Setting<>("store.segment.bytes", "256m", SIZE,
            "Size of one message log segment file", bytes());
    public static final Setting<Long> PULL_SEGMENT_BYTES = new Setting<>("store.pull.segment.bytes", "64m", SIZE,
            "Size of one pull log segment file", bytes());
    public static final Setting<Long> CHECKPOINT_INTERVAL_SECONDS = new Setting<>("store.checkpoint.interval.seconds",
            "30", "seconds", "How often consume logs and pull state are checkpointed; bounds replay after a crash",
            positiveLong());
    public static final Setting<Integer> RING_SIZE = new Setting<>("store.ring.size", "16384", "power of two",
            "Appends queued for the writer; a full queue refuses sends as busy", powerOfTwo());
    public static final Setting<Integer> MAX_OPEN_INDEX_FILES = new Setting<>("store.max.open.index.files", "256",
            "count", "Consume log files kept open at once, whatever the number of subjects", positiveInt());
    public static final Setting<Long> RETENTION_HOURS = new Setting<>("store.retention.hours", "72", "hours",
            "Message log segments (and the consume logs pointing into them) older than this are deleted, whatever "
                    + "consumers have read; 0 = keep forever", nonNegativeLong());
    public static final Setting<Long> RETENTION_MAX_BYTES = new Setting<>("store.retention.max.bytes", "0", SIZE,
            "Disk cap of the message log: the oldest segments are deleted while it holds more; 0 = no cap", bytesOrZero());
    public static final Setting<Long> RETENTION_CHECK_SECONDS = new Setting<>("store.retention.check.interval.seconds",
            "60", "seconds", "How often retention looks for segments to delete", positiveLong());
    public static final Setting<String> JDBC_URL = new Setting<>("jdbc.url", "", "JDBC URL",
            "Meta-data database; empty = embedded H2 in the meta directory of store.root", any());
    public static final Setting<String> JDBC_USERNAME = new Setting<>("jdbc.username", "", "text",
            "Meta-data database user", any());
    public static final Setting<String> JDBC_PASSWORD = new Setting<>("jdbc.password", "", "text",
            "Meta-data database password", any());
    public static final Setting<Integer> POOL_SIZE = new Setting<>("pool.size.max", "10", "count",
            "Connections in the meta-data database pool", positiveInt());
    public static final Setting<Long> RETRY_DELAY_SECONDS = new Setting<>("message.retry.delay.seconds", "5", "seconds",
            "How long a message waits in a retry subject before it is delivered again", positiveLong());
    public static final Setting<Long> CONSUMER_OFFLINE_SECONDS = new Setting<>("consumer.offline.timeout.seconds", "30",
            "seconds", "Silence after which a consumer's un-acknowledged messages go back to its group", positiveLong());
    public static final Setting<Long> REDELIVERY_CHECK_SECONDS = new Setting<>("consumer.check.interval.seconds", "5",
            "seconds", "How often the broker looks for silent consumers", positiveLong());
    public static final Setting<StartPosition> NEW_GROUP_START = new Setting<>("consumer.new.group.start", "latest",
            choices(StartPosition.class), "Where a consumer group that never pulled a subject begins",
            choice(StartPosition.class));
    public static final Setting<Integer> PULL_MAX_BYTES = new Setting<>("pull.max.bytes", "8m", SIZE,
            "Most message bytes in one pull answer (at least one message is always sent)", intBytes());
    public static final Setting<Integer> MIN_GROUPS_PER_SUBJECT = new Setting<>("min.group.num", "2", "count",
            "Broker groups a new subject is spread over, when that many exist", positiveInt());
    public static final Setting<Integer> MESSAGE_MAX_BYTES = new Setting<>("message.max.bytes", "4m", SIZE,
            "Largest message a producer may send", intBytes());

    public static final Setting<Integer> DELAY_PORT = new Setting<>("delay.port", "20801", PORT,
            "TCP port of the delay server (delayed and scheduled sends); standalone and delay nodes", port());
    public static final Setting<String> DELAY_GROUP = new Setting<>("delay.group", "standalone-delay", "name",
            "Name of the broker group (kind delay) the delay server registers as", nonEmpty());
    public static final Setting<String> META_ENDPOINT = new Setting<>("meta.server.endpoint", "", "URL",
            "Discovery URL of the meta server (http://host:port/meta/address) a broker registers with and a "
                    + "delay node forwards through; required by --mode broker and delay, unused by standalone", any());
    public static final Setting<Long> DELAY_MAX_DAYS = new Setting<>("delay.max.days", "732", "days",
            "Furthest a message may be scheduled ahead; later ones are refused, never clamped", positiveLong());
    public static final Setting<Long> DELAY_SEGMENT_MINUTES = new Setting<>("delay.segment.minutes", "10", "minutes",
            "Due-time span of one schedule segment on disk", positiveLong());
    public static final Setting<Long> DELAY_LOOKAHEAD_MS = new Setting<>("delay.lookahead.ms", "10000", "milliseconds",
            "How far ahead due messages are brought into memory (at least 100)", positiveLong());
    public static final Setting<Integer> ADMIN_PORT = new Setting<>("admin.port", "20802", PORT,
            "HTTP port of the admin endpoint (/delay/... on delay nodes, /cluster/... on meta servers); only served when admin.token is set", port());
    public static final Setting<String> ADMIN_TOKEN = new Setting<>("admin.token", "", "text",
            "Secret the admin endpoint expects in the X-Admin-Token header; empty = no admin endpoint", any());

    /** In the order the {@code config} command lists them. */
    public static final List<Setting<?>> ALL = List.of(
            STORE_ROOT, NODE_HOST, BIND_HOST, META_DISCOVER_PORT, META_PORT, BROKER_PORT, METRICS_PORT, BROKER_GROUP,
            BROKER_ROLE, REPLICATION_MODE, REPLICATION_PORT, REPLICATION_MASTER, REPLICATION_SYNC_TIMEOUT_MS,
            BROKER_HEARTBEAT_SECONDS, META_HEARTBEAT_TIMEOUT_SECONDS, MAX_FRAME_BYTES, IDLE_TIMEOUT_SECONDS, IO_THREADS, PULL_WORKER_THREADS, STORE_KIND, STORE_FLUSH, FLUSH_INTERVAL_MS, SEGMENT_BYTES,
            PULL_SEGMENT_BYTES, CHECKPOINT_INTERVAL_SECONDS, RING_SIZE, MAX_OPEN_INDEX_FILES, RETENTION_HOURS,
            RETENTION_MAX_BYTES, RETENTION_CHECK_SECONDS, JDBC_URL, JDBC_USERNAME,
            JDBC_PASSWORD, POOL_SIZE, RETRY_DELAY_SECONDS, CONSUMER_OFFLINE_SECONDS, REDELIVERY_CHECK_SECONDS,
            NEW_GROUP_START, PULL_MAX_BYTES, MIN_GROUPS_PER_SUBJECT, MESSAGE_MAX_BYTES, DELAY_PORT, DELAY_GROUP, META_ENDPOINT,
            DELAY_MAX_DAYS, DELAY_SEGMENT_MINUTES, DELAY_LOOKAHEAD_MS, ADMIN_PORT, ADMIN_TOKEN);

    private static final Map<String, Setting<?>> BY_KEY =
            ALL.stream().collect(Collectors.toUnmodifiableMap(Setting::key, Function.identity()));

    private Settings() {
    }

    public static Optional<Setting<?>> find(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }
}

package io.qmq.acceptance.dsl;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A node's configuration in the test's words. The defaults suit scenarios: loopback only, ephemeral
 * ports, a short retry delay so that retries are observable within seconds, and new consumer groups
 * starting at the subject's earliest message, so that a scenario need not wait for a subscription to be
 * in place before it sends. The consumer-offline timeout stays above the stock client's 10-second
 * heartbeat: a stock consumer that holds 100 un-acknowledged messages stops pulling and is heard from
 * only by that heartbeat, and must not be taken for gone.
 */
public final class NodeSettings {

    private final Map<String, String> values;

    private NodeSettings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static NodeSettings defaults() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("node.host", "127.0.0.1");
        values.put("bind.host", "127.0.0.1");
        values.put("broker.port", "0");
        values.put("meta.server.port", "0");
        values.put("meta.server.discover.port", "0");
        values.put("metrics.port", "0");
        values.put("delay.port", "0");
        values.put("store.flush", "async");
        values.put("message.retry.delay.seconds", "1");
        values.put("consumer.offline.timeout.seconds", "20");
        values.put("consumer.check.interval.seconds", "1");
        values.put("consumer.new.group.start", "earliest");
        return new NodeSettings(values);
    }

    /**
     * For a cluster of child processes: subjects over two groups, brokers heartbeating every second, and
     * every message synced before it is acknowledged, so a killed broker loses nothing acknowledged.
     */
    public static NodeSettings forCluster() {
        return defaults().with("min.group.num", "2").with("broker.heartbeat.interval.seconds", "1")
                .flushingBeforeAcknowledging();
    }

    /** How long a nacked message waits in its retry subject. */
    public NodeSettings retryDelay(Duration delay) {
        return with("message.retry.delay.seconds", Long.toString(delay.toSeconds()));
    }

    /**
     * How long a consumer may be silent before what it holds goes back to its group. Below 10 seconds,
     * only consumers that keep pulling count as alive.
     */
    public NodeSettings consumersOfflineAfter(Duration silence) {
        return with("consumer.offline.timeout.seconds", Long.toString(silence.toSeconds()));
    }

    /** The store syncs every message to disk before the broker acknowledges it. */
    public NodeSettings flushingBeforeAcknowledging() {
        return with("store.flush", "sync");
    }

    /** Meta-data (and the messages of a broker with {@code store.kind=sql}) in the database at {@code jdbcUrl}. */
    public NodeSettings keepingDataIn(String jdbcUrl, String user) {
        return with("jdbc.url", jdbcUrl).with("jdbc.username", user);
    }

    Duration retryDelay() {
        return Duration.ofSeconds(Long.parseLong(values.get("message.retry.delay.seconds")));
    }

    Map<String, String> asMap() {
        return values;
    }

    private NodeSettings with(String key, String value) {
        Map<String, String> changed = new LinkedHashMap<>(values);
        changed.put(key, value);
        return new NodeSettings(changed);
    }
}

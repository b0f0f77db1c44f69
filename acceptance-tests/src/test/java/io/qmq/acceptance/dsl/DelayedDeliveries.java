package io.qmq.acceptance.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import io.qmq.acceptance.driver.ClientDriver;
import io.qmq.acceptance.driver.ClientKind;
import io.qmq.acceptance.driver.Delivery;
import io.qmq.acceptance.driver.DeliveryHandler;
import io.qmq.acceptance.driver.Node;
import io.qmq.acceptance.driver.NodeDriver;
import io.qmq.acceptance.driver.OutgoingMessage;
import io.qmq.acceptance.driver.ProcessNodeDriver;
import io.qmq.acceptance.driver.SubscriptionRequest;
import io.qmq.acceptance.driver.TagMode;
import io.qmq.bootstrap.admin.AdminEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;

/**
 * Delayed messages in the test's words: send with due times, record when each copy arrives, and judge
 * arrivals against due times. Every message carries its key and its due time as properties; subjects
 * and groups get unique suffixes. Arrival times are taken by the consumer's handler on the test's clock,
 * which is the node's clock too (one machine), so "early" and "late" are measured end to end.
 */
public final class DelayedDeliveries implements AutoCloseable {

    static final String KEY = "key";
    static final String DUE_AT = "dueAt";

    private final Path runDir;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<String, Long> dueByKey = new ConcurrentHashMap<>();
    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private Node node;
    private ClientDriver client;

    /** One copy of a message, as a consumer of a group (its name as the test gave it) got it, and when. */
    public record Arrival(String group, Delivery delivery, long at) {
        long dueAt() {
            return Long.parseLong(delivery.property(DUE_AT));
        }
    }

    public DelayedDeliveries() {
        Path base = Paths.get(System.getProperty("basedir", System.getProperty("java.io.tmpdir")), "target", "acceptance-runs");
        try {
            runDir = Files.createDirectories(base.resolve(UUID.randomUUID().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("creating a run directory under " + base, e);
        }
    }

    /** A standalone node (meta, broker and delay server) in the test JVM. */
    public DelayedDeliveries standaloneNode(NodeSettings settings, ClientKind kind) {
        node = track(NodeDriver.startStandalone(runDir.resolve("node"), settings.asMap()));
        client = track(kind.connect(node.metaServerUrl()));
        return this;
    }

    /** A standalone node in the test JVM whose admin endpoint is served with {@code token}. */
    public AdminEndpoint standaloneNodeWithAdmin(String token, ClientKind kind) {
        Map<String, String> settings = new java.util.HashMap<>(NodeSettings.defaults().asMap());
        settings.put("admin.port", "0");
        settings.put("admin.token", token);
        NodeDriver inProcess = NodeDriver.startStandalone(runDir.resolve("node"), settings);
        node = track(inProcess);
        client = track(kind.connect(node.metaServerUrl()));
        return new AdminEndpoint(URI.create("http://127.0.0.1:" + inProcess.boundPort("admin.port")), token);
    }

    /** Sends one message due at {@code dueAt} under the given id (our client only). */
    public CompletableFuture<Void> send(String subject, Instant dueAt, String messageId) {
        String key = UUID.randomUUID().toString();
        dueByKey.put(key, dueAt.toEpochMilli());
        return client.send(new OutgoingMessage(subject(subject),
                Map.of(KEY, key, DUE_AT, Long.toString(dueAt.toEpochMilli())), Set.of(), 0, dueAt, messageId));
    }

    /** A standalone node in a child process that can be killed, syncing every store write. */
    public ProcessNodeDriver standaloneNodeInAChildProcess(ClientKind kind) {
        ProcessNodeDriver child = ProcessNodeDriver.startStandalone(runDir.resolve("node"),
                NodeSettings.defaults().flushingBeforeAcknowledging().asMap(), runDir.resolve("node.log"));
        node = track(child);
        client = track(kind.connect(node.metaServerUrl()));
        return child;
    }

    public String subject(String name) {
        return name + "-" + suffix;
    }

    /** A consumer group that records every copy it gets; {@code handler} may throw to fail it. */
    public void groupConsumes(String group, String subject, DeliveryHandler handler) {
        SubscriptionRequest request = new SubscriptionRequest(subject(subject), group + "-" + suffix,
                group + "-" + UUID.randomUUID(), TagMode.ANY, Set.of(), 4, true);
        client.subscribe(request, delivery -> {
            arrivals.add(new Arrival(group, delivery, System.currentTimeMillis()));
            handler.onMessage(delivery);
        });
    }

    public void groupConsumes(String group, String subject) {
        groupConsumes(group, subject, delivery -> { });
    }

    /** Sends {@code count} messages due at random times in {@code [min, max]} from now; waits for acks. */
    public void sendSpread(String subject, int count, Duration min, Duration max) {
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (int i = 0; i < count; i++) {
            long due = now + ThreadLocalRandom.current().nextLong(min.toMillis(), max.toMillis() + 1);
            acks.add(send(subject, Instant.ofEpochMilli(due)));
        }
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).orTimeout(30, TimeUnit.SECONDS).join();
    }

    /** Sends one message due at {@code dueAt}; the future fails if the node refuses it. */
    public CompletableFuture<Void> send(String subject, Instant dueAt) {
        String key = UUID.randomUUID().toString();
        dueByKey.put(key, dueAt.toEpochMilli());
        return client.send(new OutgoingMessage(subject(subject),
                Map.of(KEY, key, DUE_AT, Long.toString(dueAt.toEpochMilli())), Set.of(), 0, dueAt));
    }

    /** Sends one ordinary (not delayed) message. */
    public CompletableFuture<Void> sendOrdinary(String subject) {
        String key = UUID.randomUUID().toString();
        long now = System.currentTimeMillis();
        dueByKey.put(key, now);
        return client.send(new OutgoingMessage(subject(subject), Map.of(KEY, key, DUE_AT, Long.toString(now)),
                Set.of(), 0));
    }

    /** Waits until every sent message arrived at least {@code copies} times in total. */
    public void awaitAll(int copiesEach, Duration within) {
        Awaitility.await().atMost(within).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(arrivals).hasSizeGreaterThanOrEqualTo(dueByKey.size() * copiesEach));
    }

    /** Waits until the group got at least {@code count} copies in all. */
    public void awaitArrivals(String group, int count, Duration within) {
        Awaitility.await().atMost(within).pollInterval(Duration.ofMillis(20))
                .until(() -> arrivalsOf(group).size() >= count);
    }

    /** Waits until the group got every sent message at least once. */
    public void awaitAllIn(String group, Duration within) {
        Awaitility.await().atMost(within).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(copiesByKey(group).keySet()).containsAll(dueByKey.keySet()));
    }

    /** Waits {@code quiet} through which the group gets no copy beyond those it has now. */
    public void awaitNoFurtherCopiesIn(String group, Duration quiet) {
        int now = arrivalsOf(group).size();
        Awaitility.await().during(quiet).atMost(quiet.plusSeconds(5)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(arrivalsOf(group)).as("copies %s got", group).hasSize(now));
    }

    /** Waits until the restarted child node found stored at least one message whose forward was in doubt. */
    public void awaitInDoubtFoundStored(ProcessNodeDriver restarted, String subject, Duration within) {
        Awaitility.await().atMost(within).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(restarted.delayedMessagesFoundStored(subject(subject)))
                        .as("messages the restarted node found already stored when their forward was in doubt:"
                                + " none means the kill interrupted no forward, so the in-doubt path went untested")
                        .isPositive());
    }

    /** Copies per key, for keys that arrived. */
    public Map<String, Long> copiesByKey() {
        return copiesByKey(arrivals);
    }

    /** Copies per key that one group got, for keys that arrived. */
    public Map<String, Long> copiesByKey(String group) {
        return copiesByKey(arrivalsOf(group));
    }

    private static Map<String, Long> copiesByKey(List<Arrival> arrivals) {
        return arrivals.stream().collect(Collectors.groupingBy(a -> a.delivery().property(KEY), Collectors.counting()));
    }

    public List<Arrival> arrivalsOf(String group) {
        return arrivals.stream().filter(a -> a.group().equals(group)).toList();
    }

    /** Arrivals of the group before their message's due time; none is the promise. */
    public List<Arrival> earlyArrivalsOf(String group) {
        return arrivalsOf(group).stream().filter(a -> a.at() < a.dueAt()).toList();
    }

    public Set<String> sentKeys() {
        return Set.copyOf(dueByKey.keySet());
    }

    public List<Arrival> arrivals() {
        return List.copyOf(arrivals);
    }

    /** Milliseconds each first copy arrived after its due time (negative = early), sorted. */
    public long[] lateness() {
        return arrivals.stream().filter(a -> a.delivery().attempt() <= 1)
                .mapToLong(a -> a.at() - a.dueAt()).sorted().toArray();
    }

    private <T extends AutoCloseable> T track(T resource) {
        started.add(0, resource);
        return resource;
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable resource : started) {
            resource.close();
        }
    }
}

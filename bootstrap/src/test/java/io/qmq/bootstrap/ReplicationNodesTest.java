package io.qmq.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.qmq.adapters.filestore.pull.ConsumptionState;
import io.qmq.adapters.filestore.pull.StateSnapshot;
import io.qmq.adapters.netty.client.OutgoingMessage;
import io.qmq.adapters.netty.client.PullConsumer;
import io.qmq.adapters.netty.client.QmqClient;
import io.qmq.adapters.netty.client.ReceivedMessage;
import io.qmq.domain.consumer.ConsumerGroup;
import io.qmq.domain.consumer.Subscription;
import io.qmq.domain.message.Subject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A meta node, a master and its slave in this JVM on loopback: the slave copies what the master
 * acknowledges in sync mode, survives as the master after promotion, and refuses to follow a master
 * whose log its copy has diverged from.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ReplicationNodesTest {

    private static final Map<String, String> LOOPBACK = Map.of("node.host", "127.0.0.1", "bind.host", "127.0.0.1",
            "broker.port", "0", "meta.server.port", "0", "meta.server.discover.port", "0", "metrics.port", "0",
            "min.group.num", "1", "broker.heartbeat.interval.seconds", "1");
    private static final int MESSAGES = 30;
    private static final String BACKLOG_SERIES = "qmq_backlog_messages{";

    @TempDir
    Path dataDir;

    @Test
    void everyMessageTheSyncMasterAcknowledgedIsServedByItsPromotedSlave() throws Exception {
        String subject = "orders-" + UUID.randomUUID();
        try (QmqNode meta = QmqNode.start(NodeMode.META, dataDir.resolve("meta"), LOOPBACK)) {
            try (QmqNode master = QmqNode.start(NodeMode.BROKER, dataDir.resolve("master"), master(meta, "sync"));
                 QmqNode slave = QmqNode.start(NodeMode.BROKER, dataDir.resolve("slave"), slaveOf(meta, master));
                 QmqClient client = client(meta)) {
                assertThat(slave.readyLine()).startsWith("qmq node ready broker=");
                for (int n = 0; n < MESSAGES; n++) {
                    client.producer().send(OutgoingMessage.to(subject).attribute("n", Integer.toString(n)).build())
                            .get(15, TimeUnit.SECONDS);
                }
            }
            Map<String, String> promotion = broker(meta);
            promotion.put("consumer.new.group.start", "latest");
            try (QmqNode promoted = QmqNode.start(NodeMode.BROKER, dataDir.resolve("slave"), promotion);
                 QmqClient client = client(meta)) {
                assertThat(received(client.pullConsumer(subject, "billing"), MESSAGES)).hasSize(MESSAGES);
            }
        }
    }

    @Test
    void aPromotedSlaveCarriesOnFromTheConsumerProgressItCopied() throws Exception {
        String subject = "orders-" + UUID.randomUUID();
        try (QmqNode meta = QmqNode.start(NodeMode.META, dataDir.resolve("meta"), LOOPBACK)) {
            Map<String, String> fromTheStart = master(meta, "sync");
            fromTheStart.put("consumer.new.group.start", "earliest");
            try (QmqNode master = QmqNode.start(NodeMode.BROKER, dataDir.resolve("master"), fromTheStart);
                 QmqNode slave = QmqNode.start(NodeMode.BROKER, dataDir.resolve("slave"), slaveOf(meta, master));
                 QmqClient client = client(meta)) {
                send(client, subject, 0, 20);
                try (PullConsumer billing = client.pullConsumer(subject, "billing")) {
                    assertThat(received(billing, 20)).hasSize(20);
                }
                awaitAllAckedInCopy(dataDir.resolve("slave"), subject, "billing", 20);
                assertThat(metrics(slave)).as("a slave exports no consumer backlog").doesNotContain(BACKLOG_SERIES);
                send(client, subject, 20, 25);
            }
            // the slave was scraped above, yet closing it freed its data directory for the promoted broker
            try (QmqNode promoted = QmqNode.start(NodeMode.BROKER, dataDir.resolve("slave"), broker(meta));
                 QmqClient client = client(meta)) {
                assertThat(received(client.pullConsumer(subject, "billing"), 5)).containsExactlyInAnyOrder(
                        "20", "21", "22", "23", "24");
            }
        }
    }

    private static void send(QmqClient client, String subject, int from, int to) throws Exception {
        for (int n = from; n < to; n++) {
            client.producer().send(OutgoingMessage.to(subject).attribute("n", Integer.toString(n)).build())
                    .get(15, TimeUnit.SECONDS);
        }
    }

    /**
     * Waits until the slave's copy of the master's consumer progress says the group was handed and
     * acknowledged all {@code messages}: its cursor reached them and none of its consumers has an
     * unacknowledged pull. The master sends its progress every few seconds, so this takes one or two rounds.
     */
    private static void awaitAllAckedInCopy(Path slave, String subject, String group, long messages) {
        Path copy = slave.resolve("pulls").resolve("state-00000000000000000000.snap");
        Subscription subscription = new Subscription(Subject.of(subject), ConsumerGroup.of(group));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
            ConsumptionState state = StateSnapshot.decode(ByteBuffer.wrap(Files.readAllBytes(copy)));
            return state.cursor(subscription).orElse(0) >= messages && state.consumers().stream()
                    .filter(consumer -> consumer.subscription().equals(subscription))
                    .allMatch(consumer -> state.progress(consumer).unacked().isEmpty());
        });
    }

    @Test
    void aSlaveWhoseCopyIsLongerThanItsMastersLogStopsWithTheReason() throws Exception {
        String subject = "orders-" + UUID.randomUUID();
        try (QmqNode meta = QmqNode.start(NodeMode.META, dataDir.resolve("meta"), LOOPBACK)) {
            try (QmqNode master = QmqNode.start(NodeMode.BROKER, dataDir.resolve("master"), master(meta, "async"));
                 QmqNode slave = QmqNode.start(NodeMode.BROKER, dataDir.resolve("slave"), slaveOf(meta, master));
                 QmqClient client = client(meta)) {
                for (int n = 0; n < 5; n++) {
                    client.producer().send(OutgoingMessage.to(subject).build()).get(15, TimeUnit.SECONDS);
                }
                awaitCopied(dataDir.resolve("master"), dataDir.resolve("slave"));
            }
            try (QmqNode newMaster = QmqNode.start(NodeMode.BROKER, dataDir.resolve("other"), master(meta, "async"));
                 QmqNode slave = QmqNode.start(NodeMode.BROKER, dataDir.resolve("slave"), slaveOf(meta, newMaster))) {
                assertThat(slave.failure()).succeedsWithin(Duration.ofSeconds(20)).asString()
                        .contains("past the master's end");
            }
        }
    }

    private static void awaitCopied(Path master, Path slave) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (logBytes(slave) < logBytes(master) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(logBytes(slave)).isEqualTo(logBytes(master));
    }

    private static long logBytes(Path dataDir) {
        try (var files = Files.list(dataDir.resolve("messages"))) {
            return files.filter(f -> f.toString().endsWith(".log")).mapToLong(f -> f.toFile().length()).sum();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String metrics(QmqNode node) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + node.boundPort("metrics.port") + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.body();
    }

    private static QmqClient client(QmqNode meta) {
        return QmqClient.builder().metaServer(meta.metaServerUrl()).appCode("replication-test").build();
    }

    private static Map<String, String> broker(QmqNode meta) {
        Map<String, String> settings = new HashMap<>(LOOPBACK);
        settings.put("broker.group", "a");
        settings.put("meta.server.endpoint", meta.metaServerUrl());
        return settings;
    }

    private static Map<String, String> master(QmqNode meta, String mode) {
        Map<String, String> settings = broker(meta);
        settings.put("broker.replication.mode", mode);
        settings.put("broker.replication.port", "0");
        return settings;
    }

    private static Map<String, String> slaveOf(QmqNode meta, QmqNode master) {
        Map<String, String> settings = broker(meta);
        settings.put("broker.role", "slave");
        settings.put("broker.replication.master", "127.0.0.1:" + master.boundPort("broker.replication.port"));
        return settings;
    }

    private static Set<String> received(PullConsumer consumer, int expected) throws InterruptedException {
        Set<String> values = new HashSet<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (values.size() < expected && System.nanoTime() < deadline) {
            for (ReceivedMessage message : consumer.pull(expected, Duration.ofSeconds(1))) {
                message.ack();
                values.add(message.attribute("n").orElseThrow());
            }
        }
        return values;
    }
}

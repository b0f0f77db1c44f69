package io.qmq.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.qmq.adapters.netty.client.OutgoingMessage;
import io.qmq.adapters.netty.client.PullConsumer;
import io.qmq.adapters.netty.client.QmqClient;
import io.qmq.adapters.netty.client.ReceivedMessage;
import io.qmq.bootstrap.admin.AdminEndpoint;
import io.qmq.bootstrap.config.ConfigurationException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code node --mode delay} beside a meta node and a broker node in this JVM. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DelayNodeTest {

    private static final Map<String, String> LOOPBACK = Map.of("node.host", "127.0.0.1", "bind.host", "127.0.0.1",
            "broker.port", "0", "meta.server.port", "0", "meta.server.discover.port", "0", "metrics.port", "0",
            "consumer.new.group.start", "earliest", "min.group.num", "1", "delay.port", "0");

    private static final Pattern ONLINE_DELAY_GROUP_D =
            Pattern.compile("\\{\"name\":\"d\",\"kind\":\"DELAY\",[^}]*\"state\":\"READ_WRITE\"");

    @TempDir
    Path dataDir;

    @Test
    void aDelayNodeRegistersWithTheMetaServerAndForwardsDueMessagesToItsBrokers() throws Exception {
        String subject = "reminders-" + UUID.randomUUID();
        try (QmqNode meta = QmqNode.start(NodeMode.META, dataDir.resolve("meta"), LOOPBACK);
             QmqNode broker = QmqNode.start(NodeMode.BROKER, dataDir.resolve("broker"), pointingAt(meta, "broker.group", "a"));
             QmqNode delay = QmqNode.start(NodeMode.DELAY, dataDir.resolve("delay"), pointingAt(meta, "delay.group", "d"));
             QmqClient client = QmqClient.builder().metaServer(meta.metaServerUrl()).appCode("delay-test").build()) {
            assertThat(delay.readyLine()).isEqualTo("qmq node ready delay=127.0.0.1:" + delay.boundPort("delay.port")
                    + " metrics=" + delay.boundPort("metrics.port"));
            Instant due = Instant.now().plusSeconds(2);

            var receipt = client.producer().send(OutgoingMessage.to(subject).deliverAt(due).build()).get(20, TimeUnit.SECONDS);

            assertThat(receipt.brokerGroup()).isEqualTo("d");
            assertThat(metrics(delay)).contains("qmq_delay_pending_messages 1.0");
            List<ReceivedMessage> received = pull(client.pullConsumer(subject, "billing"));
            assertThat(received).hasSize(1);
            assertThat(Instant.now()).isAfterOrEqualTo(due);
            await().atMost(Duration.ofSeconds(5)).until(() -> metrics(delay).contains("qmq_delay_pending_messages 0.0"));
        }
    }

    private static String metrics(QmqNode node) throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.boundPort("metrics.port")
                        + "/metrics")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        return response.body();
    }

    /**
     * The meta server takes a group off routes after meta.heartbeat.timeout.seconds of silence; a delay node
     * must report as often as its broker.heartbeat.interval.seconds says, like a broker, to stay listed.
     */
    @Test
    void aDelayNodeHeartbeatsAtTheConfiguredIntervalAndStaysOnlineUnderAShortTimeout() {
        Map<String, String> metaSettings = new HashMap<>(LOOPBACK);
        metaSettings.put("meta.heartbeat.timeout.seconds", "3");
        metaSettings.put("admin.port", "0");
        metaSettings.put("admin.token", "t");
        try (QmqNode meta = QmqNode.start(NodeMode.META, dataDir.resolve("meta"), metaSettings);
             QmqNode delay = QmqNode.start(NodeMode.DELAY, dataDir.resolve("delay"), pointingAt(meta, "delay.group", "d"))) {
            AdminEndpoint admin = new AdminEndpoint(URI.create("http://127.0.0.1:" + meta.boundPort("admin.port")), "t");

            await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(8)).pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(admin.get("/cluster/groups")).containsPattern(ONLINE_DELAY_GROUP_D));
        }
    }

    @Test
    void aDelayNodeNeedsTheMetaServerEndpoint() {
        assertThatThrownBy(() -> QmqNode.start(NodeMode.DELAY, dataDir, LOOPBACK))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("meta.server.endpoint");
    }

    private static Map<String, String> pointingAt(QmqNode meta, String groupKey, String group) {
        Map<String, String> settings = new HashMap<>(LOOPBACK);
        settings.put(groupKey, group);
        settings.put("meta.server.endpoint", meta.metaServerUrl());
        settings.put("broker.heartbeat.interval.seconds", "1");
        return settings;
    }

    private static List<ReceivedMessage> pull(PullConsumer consumer) throws InterruptedException {
        List<ReceivedMessage> received = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (received.isEmpty() && System.nanoTime() < deadline) {
            received.addAll(consumer.pull(1, Duration.ofSeconds(1)));
        }
        received.forEach(ReceivedMessage::ack);
        return received;
    }
}

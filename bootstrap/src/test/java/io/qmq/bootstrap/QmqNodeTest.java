package io.qmq.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qmq.adapters.netty.client.OutgoingMessage;
import io.qmq.adapters.netty.client.PullConsumer;
import io.qmq.adapters.netty.client.QmqClient;
import io.qmq.adapters.netty.client.ReceivedMessage;
import io.qmq.bootstrap.config.ConfigurationException;
import io.qmq.bootstrap.wiring.UnknownStoreKindException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class QmqNodeTest {

    private static final Map<String, String> EPHEMERAL = Map.of(
            "node.host", "127.0.0.1", "bind.host", "127.0.0.1", "broker.port", "0", "meta.server.port", "0",
            "meta.server.discover.port", "0", "metrics.port", "0");

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void standaloneNodeAnswersDiscoveryWithItsMetaServer() throws Exception {
        try (QmqNode node = QmqNode.start(NodeMode.STANDALONE, dataDir, EPHEMERAL)) {
            assertThat(node.metaServerUrl())
                    .isEqualTo("http://127.0.0.1:" + node.boundPort("meta.server.discover.port") + "/meta/address");
            assertThat(get(node.metaServerUrl()).trim()).isEqualTo("127.0.0.1:" + node.boundPort("meta.server.port"));
            assertThat(node.readyLine()).isEqualTo("qmq node ready meta=" + node.metaServerUrl()
                    + " broker=127.0.0.1:" + node.boundPort("broker.port") + " metrics=" + node.boundPort("metrics.port"));
        }
    }

    @Test
    void everyPortIsBoundAndMetricsAreServed() throws Exception {
        try (QmqNode node = QmqNode.start(NodeMode.STANDALONE, dataDir, EPHEMERAL)) {
            for (String key : List.of("broker.port", "meta.server.port", "meta.server.discover.port", "metrics.port")) {
                assertThat(node.boundPort(key)).as(key).isPositive();
            }
            assertThat(get("http://127.0.0.1:" + node.boundPort("metrics.port") + "/metrics")).contains("jvm_threads_current");
            assertThatThrownBy(() -> node.boundPort("sync.port")).hasMessageContaining("sync.port");
        }
    }

    @Test
    void aMessageSentIsReceivedAndSurvivesARestartOnTheSameDataDir() throws Exception {
        String subject = "orders-" + UUID.randomUUID();
        try (QmqNode node = QmqNode.start(NodeMode.STANDALONE, dataDir, EPHEMERAL);
             QmqClient client = client(node)) {
            client.producer().send(OutgoingMessage.to(subject).attribute("n", "1").build()).get(10, TimeUnit.SECONDS);
            client.producer().send(OutgoingMessage.to(subject).attribute("n", "2").build()).get(10, TimeUnit.SECONDS);
        }
        Map<String, String> earliest = new HashMap<>(EPHEMERAL);
        earliest.put("consumer.new.group.start", "earliest");
        try (QmqNode restarted = QmqNode.start(NodeMode.STANDALONE, dataDir, earliest);
             QmqClient client = client(restarted);
             PullConsumer consumer = client.pullConsumer(subject, "billing")) {
            assertThat(pullAll(consumer, 2)).extracting(m -> m.attribute("n").orElseThrow()).containsExactly("1", "2");
        }
    }

    @Test
    void theSqlStoreKeepsMessagesInTheMetaDataDatabase() throws Exception {
        Map<String, String> settings = new HashMap<>(EPHEMERAL);
        settings.put("store.kind", "sql");
        settings.put("consumer.new.group.start", "earliest");
        String subject = "payments-" + UUID.randomUUID();
        try (QmqNode node = QmqNode.start(NodeMode.STANDALONE, dataDir, settings);
             QmqClient client = client(node);
             PullConsumer consumer = client.pullConsumer(subject, "ledger")) {
            client.producer().send(OutgoingMessage.to(subject).attribute("n", "1").build()).get(10, TimeUnit.SECONDS);

            assertThat(pullAll(consumer, 1)).extracting(m -> m.attribute("n").orElseThrow()).containsExactly("1");
        }
        assertThat(dataDir.resolve("messages")).doesNotExist();
    }

    @Test
    void closeStopsAcceptingAndReleasesTheDataDir() throws Exception {
        QmqNode node = QmqNode.start(NodeMode.STANDALONE, dataDir, EPHEMERAL);
        int brokerPort = node.boundPort("broker.port");
        node.close();
        node.close();

        assertThatThrownBy(() -> new Socket("127.0.0.1", brokerPort).close()).isInstanceOf(ConnectException.class);
        try (QmqNode again = QmqNode.start(NodeMode.STANDALONE, dataDir, EPHEMERAL)) {
            assertThat(get(again.metaServerUrl())).isNotBlank();
        }
    }

    @Test
    void anUnknownStoreKindIsRefusedWithTheKnownOnes() {
        Map<String, String> settings = new HashMap<>(EPHEMERAL);
        settings.put("store.kind", "rocksdb");

        assertThatThrownBy(() -> QmqNode.start(NodeMode.STANDALONE, dataDir, settings))
                .isInstanceOf(UnknownStoreKindException.class)
                .hasMessageContaining("'rocksdb'")
                .hasMessageContaining("[file, sql]");
        try (QmqNode node = QmqNode.start(NodeMode.STANDALONE, dataDir, EPHEMERAL)) {
            assertThat(node.boundPort("broker.port")).isPositive();
        }
    }

    @Test
    void aSlaveWithoutItsMastersAddressOrAnUnknownRoleIsRefused() {
        Map<String, String> slave = new HashMap<>(EPHEMERAL);
        slave.put("broker.role", "slave");
        slave.put("meta.server.endpoint", "http://127.0.0.1:1/meta/address");
        Map<String, String> backup = new HashMap<>(slave);
        backup.put("broker.role", "backup");

        assertThatThrownBy(() -> QmqNode.start(NodeMode.BROKER, dataDir, slave))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("needs broker.replication.master");
        assertThatThrownBy(() -> QmqNode.start(NodeMode.BROKER, dataDir, backup))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("broker.role must be master or slave");
    }

    private static QmqClient client(QmqNode node) {
        return QmqClient.builder().metaServer(node.metaServerUrl()).appCode("node-test").build();
    }

    private static List<ReceivedMessage> pullAll(PullConsumer consumer, int expected) throws InterruptedException {
        List<ReceivedMessage> received = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (received.size() < expected && System.nanoTime() < deadline) {
            for (ReceivedMessage message : consumer.pull(expected - received.size(), Duration.ofSeconds(1))) {
                message.ack();
                received.add(message);
            }
        }
        return received;
    }

    private String get(String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}

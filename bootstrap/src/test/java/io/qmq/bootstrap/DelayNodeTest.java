package io.qmq.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qmq.adapters.netty.client.OutgoingMessage;
import io.qmq.adapters.netty.client.PullConsumer;
import io.qmq.adapters.netty.client.QmqClient;
import io.qmq.adapters.netty.client.ReceivedMessage;
import io.qmq.bootstrap.config.ConfigurationException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code node --mode delay} beside a meta node and a broker node in this JVM. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DelayNodeTest {

    private static final Map<String, String> LOOPBACK = Map.of("node.host", "127.0.0.1", "bind.host", "127.0.0.1",
            "broker.port", "0", "meta.server.port", "0", "meta.server.discover.port", "0", "metrics.port", "0",
            "consumer.new.group.start", "earliest", "min.group.num", "1", "delay.port", "0");

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
            List<ReceivedMessage> received = pull(client.pullConsumer(subject, "billing"));
            assertThat(received).hasSize(1);
            assertThat(Instant.now()).isAfterOrEqualTo(due);
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

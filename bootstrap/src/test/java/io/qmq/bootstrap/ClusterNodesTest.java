package io.qmq.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.qmq.adapters.netty.client.OutgoingMessage;
import io.qmq.adapters.netty.client.PullConsumer;
import io.qmq.adapters.netty.client.QmqClient;
import io.qmq.adapters.netty.client.ReceivedMessage;
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

/** A meta node and a broker node in this JVM: the broker registers itself and clients reach it through the meta server. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClusterNodesTest {

    private static final Map<String, String> LOOPBACK = Map.of("node.host", "127.0.0.1", "bind.host", "127.0.0.1",
            "broker.port", "0", "meta.server.port", "0", "meta.server.discover.port", "0", "metrics.port", "0",
            "consumer.new.group.start", "earliest", "min.group.num", "1");

    @TempDir
    Path dataDir;

    @Test
    void aBrokerRegistersItselfAndServesTheClientsTheMetaServerSendsIt() throws Exception {
        String subject = "orders-" + UUID.randomUUID();
        try (QmqNode meta = QmqNode.start(NodeMode.META, dataDir.resolve("meta"), LOOPBACK);
             QmqNode broker = QmqNode.start(NodeMode.BROKER, dataDir.resolve("broker"), brokerOf(meta, "a"));
             QmqClient client = QmqClient.builder().metaServer(meta.metaServerUrl()).appCode("cluster-test").build()) {
            assertThat(meta.readyLine()).isEqualTo("qmq node ready meta=" + meta.metaServerUrl());
            assertThat(broker.readyLine()).isEqualTo("qmq node ready broker=127.0.0.1:" + broker.boundPort("broker.port")
                    + " metrics=" + broker.boundPort("metrics.port"));

            for (int n = 0; n < 5; n++) {
                client.producer().send(OutgoingMessage.to(subject).attribute("n", Integer.toString(n)).build())
                        .get(15, TimeUnit.SECONDS);
            }
            assertThat(received(client.pullConsumer(subject, "billing"), 5)).containsExactlyInAnyOrder("0", "1", "2", "3", "4");
        }
    }

    private static Map<String, String> brokerOf(QmqNode meta, String group) {
        Map<String, String> settings = new HashMap<>(LOOPBACK);
        settings.put("broker.group", group);
        settings.put("meta.server.endpoint", meta.metaServerUrl());
        settings.put("broker.heartbeat.interval.seconds", "1");
        return settings;
    }

    private static Set<String> received(PullConsumer consumer, int expected) throws InterruptedException {
        Set<String> values = new HashSet<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (values.size() < expected && System.nanoTime() < deadline) {
            for (ReceivedMessage message : consumer.pull(expected, Duration.ofSeconds(1))) {
                message.ack();
                values.add(message.attribute("n").orElseThrow());
            }
        }
        return values;
    }
}

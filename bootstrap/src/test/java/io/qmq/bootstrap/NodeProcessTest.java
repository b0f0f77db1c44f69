package io.qmq.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.qmq.adapters.netty.client.OutgoingMessage;
import io.qmq.adapters.netty.client.PullConsumer;
import io.qmq.adapters.netty.client.QmqClient;
import io.qmq.adapters.netty.client.ReceivedMessage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The {@code qmq node} command in a child JVM: its ready line, and a clean stop on SIGTERM. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class NodeProcessTest {

    private static final Pattern READY = Pattern.compile("^qmq node ready meta=(\\S+) broker=(\\S+) metrics=(\\d+)$");

    @TempDir
    Path dataDir;

    @Test
    void printsOneReadyLineAndOnSigtermKeepsWhatWasSent() throws Exception {
        Path stdout = dataDir.resolve("node.out");
        Path stderr = dataDir.resolve("node.err");
        Process node = launch(stdout, stderr);
        String subject = "sigterm-" + UUID.randomUUID();
        try {
            Matcher ready = READY.matcher(awaitFirstLine(stdout, node));
            assertThat(ready.matches()).isTrue();
            try (QmqClient client = QmqClient.builder().metaServer(ready.group(1)).build()) {
                for (int i = 0; i < 5; i++) {
                    client.producer().send(OutgoingMessage.to(subject).attribute("n", "" + i).build()).get(10, TimeUnit.SECONDS);
                }
            }
            node.destroy();
            assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            node.destroyForcibly();
        }
        assertThat(Files.readAllLines(stdout)).hasSize(1);
        assertThat(Files.readString(stderr)).contains("qmq node stopped");
        assertThat(receivedAfterRestart(subject, 5)).containsExactly("0", "1", "2", "3", "4");
    }

    private static String awaitFirstLine(Path stdout, Process node) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
        while (System.nanoTime() < deadline && node.isAlive()) {
            List<String> lines = Files.readAllLines(stdout);
            if (!lines.isEmpty() && !lines.get(0).isEmpty()) {
                return lines.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no ready line; node alive: " + node.isAlive());
    }

    private Process launch(Path stdout, Path stderr) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", ManagementFactory.getRuntimeMXBean().getClassPath(),
                QmqCommand.class.getName(), "node", "--mode", "standalone", "--data-dir", dataDir.resolve("node").toString()));
        for (String key : List.of("broker.port", "meta.server.port", "meta.server.discover.port", "metrics.port")) {
            command.addAll(List.of("--set", key + "=0"));
        }
        command.addAll(List.of("--set", "node.host=127.0.0.1", "--set", "bind.host=127.0.0.1"));
        return new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    }

    private List<String> receivedAfterRestart(String subject, int expected) throws InterruptedException {
        Map<String, String> settings = Map.of("node.host", "127.0.0.1", "bind.host", "127.0.0.1", "broker.port", "0",
                "meta.server.port", "0", "meta.server.discover.port", "0", "metrics.port", "0",
                "consumer.new.group.start", "earliest");
        List<String> received = new ArrayList<>();
        try (QmqNode restarted = QmqNode.start(NodeMode.STANDALONE, dataDir.resolve("node"), settings);
             QmqClient client = QmqClient.builder().metaServer(restarted.metaServerUrl()).build();
             PullConsumer consumer = client.pullConsumer(subject, "audit")) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (received.size() < expected && System.nanoTime() < deadline) {
                for (ReceivedMessage message : consumer.pull(expected, Duration.ofSeconds(1))) {
                    message.ack();
                    received.add(message.attribute("n").orElseThrow());
                }
            }
        }
        return received;
    }
}

package io.qmq.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A smoke test of the bench command on a few hundred messages; it measures nothing. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BenchCommandTest {

    @TempDir
    Path dataDir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void sendsAndReceivesEveryMessageAndReportsPercentiles() {
        try (QmqNode node = QmqNode.start(NodeMode.STANDALONE, dataDir, Map.of("node.host", "127.0.0.1",
                "bind.host", "127.0.0.1", "broker.port", "0", "meta.server.port", "0",
                "meta.server.discover.port", "0", "metrics.port", "0"))) {
            int exit = run("bench", "--meta", node.metaServerUrl(), "--count", "300", "--size", "100",
                    "--duration", "20", "--drain", "15", "--flush", "async");

            assertThat(exit).as(out + "\n" + err).isZero();
        }
        assertThat(out.toString())
                .contains("bench async:")
                .containsPattern("result async: sent=300 failed=0 received=3\\d\\d ")
                .containsPattern("(?m)^send\\s+\\d+\\.\\d\\d")
                .containsPattern("(?m)^end-to-end\\s+\\d+\\.\\d\\d")
                .containsPattern("(?m)^\\s+\\d+\\.\\ds sent=");
    }

    @Test
    void sendsAtTheGivenRateAndReportsTheConsumersPace() {
        try (QmqNode node = QmqNode.start(NodeMode.STANDALONE, dataDir, Map.of("node.host", "127.0.0.1",
                "bind.host", "127.0.0.1", "broker.port", "0", "meta.server.port", "0",
                "meta.server.discover.port", "0", "metrics.port", "0"))) {
            int exit = run("bench", "--meta", node.metaServerUrl(), "--count", "300", "--size", "100",
                    "--rate", "200", "--warmup", "1", "--duration", "20", "--drain", "15", "--flush", "paced");

            assertThat(exit).as(out + "\n" + err).isZero();
        }
        // 300 sends due every 5 ms take about 1.5 s, so the rate is near 200/s, not the node's maximum
        assertThat(out.toString())
                .contains("rate=200/s warmup=1s")
                .containsPattern("result paced: sent=300 failed=0 received=3\\d\\d in 1\\.[4-9]\\ds: (19|20)\\d msg/s")
                .containsPattern("consumed paced: received=3\\d\\d from first to last in 1\\.\\d\\ds");
    }

    @Test
    void drainsABacklogLeftForANewGroupAndWaitsForAllOfIt() {
        try (QmqNode node = QmqNode.start(NodeMode.STANDALONE, dataDir, Map.of("node.host", "127.0.0.1",
                "bind.host", "127.0.0.1", "broker.port", "0", "meta.server.port", "0",
                "meta.server.discover.port", "0", "metrics.port", "0", "consumer.new.group.start", "earliest"))) {
            int filled = run("bench", "--meta", node.metaServerUrl(), "--subject", "bench-backlog", "--consumers", "0",
                    "--count", "500", "--size", "100", "--duration", "20", "--flush", "fill");
            int drained = run("bench", "--meta", node.metaServerUrl(), "--subject", "bench-backlog", "--consumers", "1",
                    "--count", "1", "--backlog", "500", "--size", "100", "--duration", "20", "--drain", "15",
                    "--flush", "drain");

            assertThat(filled).as(out + "\n" + err).isZero();
            assertThat(drained).as(out + "\n" + err).isZero();
        }
        assertThat(out.toString()).containsPattern("consumed drain: received=50[1-9] from first to last");
    }

    @Test
    void badOptionsAreUsageErrors() {
        int exit = run("bench", "--meta", "http://127.0.0.1:1/meta/address", "--producers", "0");

        assertThat(exit).isEqualTo(StartupErrorHandler.USAGE_ERROR);
        assertThat(err.toString()).contains("producers >= 1");
    }

    @Test
    void aNegativeRateIsAUsageError() {
        int exit = run("bench", "--meta", "http://127.0.0.1:1/meta/address", "--rate", "-5");

        assertThat(exit).isEqualTo(StartupErrorHandler.USAGE_ERROR);
        assertThat(err.toString()).contains("rate must be 0");
    }

    private int run(String... args) {
        CommandLine commandLine = QmqCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}

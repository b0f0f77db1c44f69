package io.qmq.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import io.qmq.adapters.netty.client.OutgoingMessage;
import io.qmq.adapters.netty.client.PullConsumer;
import io.qmq.adapters.netty.client.QmqClient;
import io.qmq.adapters.netty.client.ReceivedMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code qmq admin cluster ...} against a meta-mode node's admin endpoint. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClusterAdminCommandTest {

    private static final String TOKEN = "t-" + UUID.randomUUID();

    @TempDir
    Path dataDir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private QmqNode node;
    private String server;

    @BeforeEach
    void start() {
        node = QmqNode.start(NodeMode.META, dataDir, Map.of("node.host", "127.0.0.1", "bind.host", "127.0.0.1",
                "meta.server.port", "0", "meta.server.discover.port", "0", "admin.port", "0", "admin.token", TOKEN));
        server = "http://127.0.0.1:" + node.boundPort("admin.port");
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void registersAssignsMarksAndRemovesGroups() {
        assertThat(admin("register", "g1", "127.0.0.1:20881")).isZero();
        assertThat(admin("register", "g2", "127.0.0.1:20882")).isZero();
        assertThat(admin("assign", "orders", "g1", "g2")).isZero();
        assertThat(out.toString()).contains("\"groups\":[\"g1\",\"g2\"]");
        assertThat(admin("readonly", "g2")).isZero();
        assertThat(admin("groups")).isZero();
        assertThat(out.toString()).contains("\"name\":\"g1\"", "\"name\":\"g2\"", "\"readOnly\":true");

        assertThat(admin("remove", "g1")).isEqualTo(1);
        assertThat(err.toString()).contains("HTTP 409", "orders");

        assertThat(admin("assign", "orders", "g2")).isZero();
        assertThat(admin("remove", "g1")).isZero();
        assertThat(admin("writable", "g2")).isZero();
        assertThat(admin("subjects")).isZero();
        assertThat(out.toString()).contains("{\"subject\":\"orders\",\"groups\":[\"g2\"]}");
        assertThat(admin("groups")).isZero();
        assertThat(out.toString()).doesNotContain("\"g1\"").contains("\"readOnly\":false");
    }

    @Test
    void listsConsumerGroupsOfAssignedSubjects() {
        admin("register", "g1", "127.0.0.1:20881");
        admin("assign", "orders", "g1");

        assertThat(admin("consumers")).isZero();
        assertThat(out.toString()).contains("\"consumerGroups\":[]");
        assertThat(admin("consumers", "--subject", "ghost")).isEqualTo(1);
        assertThat(err.toString()).contains("HTTP 404", "unknown subject 'ghost'");
    }

    @Test
    void consumersShowTheBacklogABrokerReportsUntilItDrains() throws Exception {
        String subject = "orders-" + UUID.randomUUID();
        try (QmqNode broker = QmqNode.start(NodeMode.BROKER, dataDir.resolve("broker"), Map.of("node.host", "127.0.0.1",
                "bind.host", "127.0.0.1", "broker.port", "0", "metrics.port", "0", "broker.group", "g1",
                "meta.server.endpoint", node.metaServerUrl(), "broker.heartbeat.interval.seconds", "1",
                "consumer.new.group.start", "earliest"));
             QmqClient client = QmqClient.builder().metaServer(node.metaServerUrl()).appCode("admin-test").build()) {
            for (int n = 0; n < 5; n++) {
                client.producer().send(OutgoingMessage.to(subject).build()).get(15, TimeUnit.SECONDS);
            }
            PullConsumer billing = client.pullConsumer(subject, "billing");
            List<ReceivedMessage> held = pullAtLeastOne(billing);

            awaitConsumersShowing(subject, "\"undelivered\":" + (5 - held.size()) + ",\"unacknowledged\":" + held.size() + ",");
            assertThat(out.toString()).contains("\"complete\":true", "{\"name\":\"g1\",\"known\":true,");

            held.forEach(ReceivedMessage::ack);
            while (received < 5) {
                pullAtLeastOne(billing).forEach(ReceivedMessage::ack);
            }
            awaitConsumersShowing(subject, "\"undelivered\":0,\"unacknowledged\":0,");
        }
    }

    private int received;

    private List<ReceivedMessage> pullAtLeastOne(PullConsumer consumer) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            List<ReceivedMessage> messages = consumer.pull(5, Duration.ofSeconds(1));
            if (!messages.isEmpty()) {
                received += messages.size();
                return messages;
            }
        }
        throw new AssertionError("nothing to pull within 20 s");
    }

    /** The broker reports every heartbeat (1 s here); the listing follows within a few. */
    private void awaitConsumersShowing(String subject, String backlog) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        do {
            assertThat(admin("consumers", "--subject", subject)).isZero();
            if (out.toString().contains(backlog)) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        } while (System.nanoTime() < deadline);
        assertThat(out.toString()).as("consumers listing within 20 s").contains(backlog);
    }

    @Test
    void unknownGroupsBadInputAndAWrongTokenAreReportedAsSuch() {
        assertThat(admin("readonly", "nope")).isEqualTo(1);
        assertThat(err.toString()).contains("HTTP 404", "unknown broker group 'nope'");
        assertThat(admin("assign", "orders", "nope")).isEqualTo(1);
        assertThat(err.toString()).contains("unknown broker group 'nope'");
        assertThat(admin("register", "g1", "no-port")).isEqualTo(1);
        assertThat(err.toString()).contains("HTTP 400");

        assertThat(run("admin", "--server", server, "--token", "guess", "cluster", "groups")).isEqualTo(1);
        assertThat(err.toString()).contains("refused the admin token");
    }

    private int admin(String... args) {
        String[] all = new String[args.length + 6];
        all[0] = "admin";
        all[1] = "--server";
        all[2] = server;
        all[3] = "--token";
        all[4] = TOKEN;
        all[5] = "cluster";
        System.arraycopy(args, 0, all, 6, args.length);
        return run(all);
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine commandLine = QmqCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}

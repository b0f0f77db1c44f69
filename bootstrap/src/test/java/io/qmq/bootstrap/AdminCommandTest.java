package io.qmq.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.qmq.adapters.netty.client.OutgoingMessage;
import io.qmq.adapters.netty.client.QmqClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code qmq admin delay ...} against a standalone node's admin endpoint. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AdminCommandTest {

    private static final String TOKEN = "t-" + UUID.randomUUID();

    @TempDir
    Path dataDir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private QmqNode node;
    private String server;

    @BeforeEach
    void start() {
        node = QmqNode.start(NodeMode.STANDALONE, dataDir, Map.of("node.host", "127.0.0.1", "bind.host", "127.0.0.1",
                "broker.port", "0", "meta.server.port", "0", "meta.server.discover.port", "0", "metrics.port", "0",
                "delay.port", "0", "admin.port", "0", "admin.token", TOKEN));
        server = "http://127.0.0.1:" + node.boundPort("admin.port");
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void countsShowsAndCancelsAPendingDelayedMessage() throws Exception {
        String subject = "reminders-" + UUID.randomUUID();
        String id = sendDelayed(subject, Instant.now().plus(Duration.ofHours(1)));

        assertThat(run("admin", "--server", server, "--token", TOKEN, "delay", "count", "--subject", subject)).isZero();
        assertThat(out.toString()).contains("\"pending\":1");
        assertThat(run("admin", "--server", server, "--token", TOKEN, "delay", "show", id)).isZero();
        assertThat(out.toString()).contains("\"id\":\"" + id + "\"", "\"subject\":\"" + subject + "\"");
        assertThat(run("admin", "--server", server, "--token", TOKEN, "delay", "cancel", id)).isZero();
        assertThat(out.toString()).contains("\"cancelled\":1");

        assertThat(run("admin", "--server", server, "--token", TOKEN, "delay", "count", "--subject", subject,
                "--from", Instant.now().toString(), "--to", Long.toString(Instant.now().plus(Duration.ofDays(1)).toEpochMilli())))
                .isZero();
        assertThat(out.toString()).contains("\"pending\":0");
    }

    @Test
    void anUnknownIdIsReportedAsSuch() {
        assertThat(run("admin", "--server", server, "--token", TOKEN, "delay", "show", "no-such-id")).isEqualTo(1);
        assertThat(err.toString()).contains("HTTP 404", "no pending message with id no-such-id");
    }

    @Test
    void aWrongTokenIsReportedAsSuch() {
        assertThat(run("admin", "--server", server, "--token", "guess", "delay", "cancel", "x")).isEqualTo(1);
        assertThat(err.toString()).contains("refused the admin token", "wrong X-Admin-Token");
    }

    @Test
    void anUnreachableServerIsReportedAsSuch() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertThat(run("admin", "--server", "http://127.0.0.1:" + closed, "--token", TOKEN, "delay", "show", "x"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("cannot reach the admin endpoint at http://127.0.0.1:" + closed);
    }

    private String sendDelayed(String subject, Instant dueAt) throws Exception {
        try (QmqClient client = QmqClient.builder().metaServer(node.metaServerUrl()).appCode("admin-test").build()) {
            return client.producer().send(OutgoingMessage.to(subject).deliverAt(dueAt).build())
                    .get(20, TimeUnit.SECONDS).messageId();
        }
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

package io.qmq.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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

package io.qmq.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.qmq.bootstrap.config.Setting;
import io.qmq.bootstrap.config.Settings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class QmqCommandTest {

    @TempDir
    Path dataDir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void configListsEveryKeyWithItsDefault() {
        int exit = run("config");

        assertThat(exit).isZero();
        for (Setting<?> setting : Settings.ALL) {
            assertThat(out.toString()).containsPattern("(?m)^" + java.util.regex.Pattern.quote(setting.key())
                    + "\\s+" + java.util.regex.Pattern.quote(setting.defaultValue().isEmpty() ? "(empty)" : setting.defaultValue()));
        }
    }

    @Test
    void theReadmeListsEveryKeyExactlyAsTheConfigCommandPrintsIt() throws java.io.IOException {
        run("config", "--markdown");
        String readme = java.nio.file.Files.readString(Path.of("..", "README.md"));

        assertThat(out.toString().lines()).hasSize(Settings.ALL.size() + 2);
        assertThat(readme).as("README.md at the repository root; regenerate its table with: bin/qmq config --markdown").contains(out.toString());
    }

    @Test
    void aBrokerWithoutItsMetaServerIsRefusedClearly() {
        int exit = run("node", "--mode", "broker", "--data-dir", dataDir.toString());

        assertThat(exit).isEqualTo(StartupErrorHandler.USAGE_ERROR);
        assertThat(err.toString()).contains("a broker node needs meta.server.endpoint");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void anUnknownKeyStopsStartUpAndIsNamed() {
        int exit = run("node", "--mode", "standalone", "--data-dir", dataDir.toString(), "--set", "brokr.port=1");

        assertThat(exit).isEqualTo(StartupErrorHandler.USAGE_ERROR);
        assertThat(err.toString()).contains("unknown configuration key 'brokr.port'");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aBadValueStopsStartUpAndIsNamed() {
        int exit = run("node", "--mode", "standalone", "--data-dir", dataDir.toString(), "--set", "store.flush=never");

        assertThat(exit).isEqualTo(StartupErrorHandler.USAGE_ERROR);
        assertThat(err.toString()).contains("'never'").contains("store.flush");
    }

    @Test
    void anUnknownStoreKindIsAUsageError() {
        int exit = run("node", "--mode", "standalone", "--data-dir", dataDir.toString(), "--set", "store.kind=tape");

        assertThat(exit).isEqualTo(StartupErrorHandler.USAGE_ERROR);
        assertThat(err.toString()).contains("unknown store.kind 'tape'").contains("file");
    }

    @Test
    void aTakenPortIsReportedInOneLine() throws java.io.IOException {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int exit = run("node", "--mode", "standalone", "--data-dir", dataDir.toString(), "--set", "bind.host=127.0.0.1",
                    "--set", "broker.port=" + taken.getLocalPort(), "--set", "meta.server.port=0",
                    "--set", "meta.server.discover.port=0", "--set", "metrics.port=0");

            assertThat(exit).isEqualTo(StartupErrorHandler.FAILURE);
            assertThat(err.toString()).startsWith("qmq: ").contains(Integer.toString(taken.getLocalPort()));
            assertThat(err.toString().lines()).hasSize(1);
            assertThat(out.toString()).isEmpty();
        }
    }

    @Test
    void anUnknownModeIsAUsageError() {
        int exit = run("node", "--mode", "cluster", "--data-dir", dataDir.toString());

        assertThat(exit).isEqualTo(StartupErrorHandler.USAGE_ERROR);
        assertThat(err.toString()).contains("cluster");
    }

    private int run(String... args) {
        CommandLine commandLine = QmqCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}

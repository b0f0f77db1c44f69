package io.qmq.acceptance.driver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A standalone node in a child JVM started through the {@code qmq node} command, with the test's
 * own class path. Its client ports are fixed at the first start, so that after a kill the restarted
 * node is found by clients at the same addresses and reopens the same data directory.
 */
public final class ProcessNodeDriver implements Node {

    /** Settings whose port is chosen once and reused by every restart (the meta port is shared anyway). */
    private static final List<String> FIXED_PORT_KEYS = List.of("broker.port", "meta.server.discover.port",
            "delay.port");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(45);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(15);

    private final Path dataDir;
    private final Map<String, String> settings;
    private final Path log;
    private Process process;
    private ReadyLine ready;

    private ProcessNodeDriver(Path dataDir, Map<String, String> settings, Path log) {
        this.dataDir = dataDir;
        this.settings = settings;
        this.log = log;
    }

    /** Starts the child and waits for its ready line; its output goes to {@code log}. */
    public static ProcessNodeDriver startStandalone(Path dataDir, Map<String, String> settings, Path log) {
        Map<String, String> fixed = new LinkedHashMap<>(SharedMetaServerPort.applyTo(settings));
        for (String key : FIXED_PORT_KEYS) {
            if (fixed.getOrDefault(key, "0").equals("0")) {
                fixed.put(key, Integer.toString(SharedMetaServerPort.freePort()));
            }
        }
        ProcessNodeDriver node = new ProcessNodeDriver(dataDir, Map.copyOf(fixed), log);
        node.launch();
        return node;
    }

    @Override
    public String metaServerUrl() {
        return ready.metaServerUrl();
    }

    /** SIGKILL: the node gets no chance to flush or close anything. */
    public void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** Starts the node again on the same data directory and ports. */
    public void restart() {
        launch();
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            awaitExit();
        }
    }

    private void launch() {
        try {
            process = new ProcessBuilder(command()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("starting a node on " + dataDir, e);
        }
        ChildProcessOutput output = ChildProcessOutput.follow(process, log);
        try {
            ready = output.ready().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw new NodeStartException("no ready line within " + READY_TIMEOUT, log);
        } catch (ExecutionException e) {
            throw new NodeStartException("the node exited with " + exitCode() + " before it was ready", log);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new NodeStartException("interrupted while the node started", log);
        }
    }

    private List<String> command() {
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp", System.getProperty("java.class.path"),
                "io.qmq.bootstrap.QmqCommand", "node",
                "--mode", "standalone",
                "--data-dir", dataDir.toString()));
        settings.forEach((key, value) -> command.addAll(List.of("--set", key + "=" + value)));
        return command;
    }

    private String exitCode() {
        try {
            return process.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    ? Integer.toString(process.exitValue()) : "nothing yet";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

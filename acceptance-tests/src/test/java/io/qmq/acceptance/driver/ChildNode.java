package io.qmq.acceptance.driver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One node in a child JVM, started from the packaged executable jar as an operator would:
 * {@code java -jar qmq.jar node --mode <mode>}. This is the one place that knows how a node process is
 * launched. Its settings, ports included, stay the same across restarts; it is ready once it prints a line
 * starting {@code qmq node ready}. Output goes to its log file.
 */
final class ChildNode implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(45);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(15);

    private final String mode;
    private final Path dataDir;
    private final Map<String, String> settings;
    private final Path log;
    private Process process;

    ChildNode(String mode, Path dataDir, Map<String, String> settings, Path log) {
        this.mode = mode;
        this.dataDir = dataDir;
        this.settings = Map.copyOf(settings);
        this.log = log;
    }

    /** Starts the child and waits for its ready line, which it returns. */
    String start() {
        try {
            process = new ProcessBuilder(command()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("starting a " + mode + " node on " + dataDir, e);
        }
        ChildProcessOutput output = ChildProcessOutput.follow(process, log);
        try {
            return output.ready().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw new NodeStartException("the " + mode + " node printed no ready line within " + READY_TIMEOUT, log);
        } catch (ExecutionException e) {
            String exitCode = exitCode();
            process.destroyForcibly();
            throw new NodeStartException("the " + mode + " node exited with " + exitCode + " before it was ready", log);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new NodeStartException("interrupted while the " + mode + " node started", log);
        }
    }

    /** The same node (data directory, ports) with one setting changed, logging to {@code newLog}; not started. */
    ChildNode withSetting(String key, String value, Path newLog) {
        Map<String, String> changed = new HashMap<>(settings);
        changed.put(key, value);
        return new ChildNode(mode, dataDir, changed, newLog);
    }

    /** SIGKILL: the node gets no chance to flush, deregister or close anything. */
    void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            awaitExit();
        }
    }

    private List<String> command() {
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(), maxHeap(),
                "-jar", PackagedJar.checkedOnce().toString(),
                "node", "--mode", mode, "--data-dir", dataDir.toString()));
        settings.forEach((key, value) -> command.addAll(List.of("--set", key + "=" + value)));
        return command;
    }

    /** A standalone node runs the meta server and a broker in one JVM, so it gets more heap. */
    private String maxHeap() {
        return mode.equals("standalone") ? "-Xmx256m" : "-Xmx192m";
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

package io.qmq.acceptance.driver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One node of a cluster (meta or broker) in a child JVM, started through {@code qmq node --mode}. Its
 * settings, ports included, stay the same across restarts; it is ready once it prints a line starting
 * {@code qmq node ready}. Output goes to its log file.
 */
final class ChildNode implements AutoCloseable {

    private static final String READY_PREFIX = "qmq node ready";
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

    /** Starts the child and waits for its ready line. */
    ChildNode start() {
        try {
            process = new ProcessBuilder(command()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("starting a " + mode + " node on " + dataDir, e);
        }
        CompletableFuture<String> ready = follow(process);
        try {
            ready.get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            process.destroyForcibly();
            throw new NodeStartException("the " + mode + " node was not ready within " + READY_TIMEOUT, log);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new NodeStartException("interrupted while the " + mode + " node started", log);
        }
        return this;
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

    private CompletableFuture<String> follow(Process child) {
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread thread = new Thread(() -> copyOutput(child, ready), "node-output-" + child.pid());
        thread.setDaemon(true);
        thread.start();
        return ready;
    }

    private void copyOutput(Process child, CompletableFuture<String> ready) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
             Writer copy = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                     StandardOpenOption.APPEND)) {
            String line;
            while ((line = lines.readLine()) != null) {
                copy.write(line);
                copy.write('\n');
                copy.flush();
                if (line.startsWith(READY_PREFIX)) {
                    ready.complete(line);
                }
            }
        } catch (IOException e) {
            ready.completeExceptionally(new UncheckedIOException("reading the node's output into " + log, e));
        } finally {
            ready.completeExceptionally(new NodeStartException("the node's output ended before it was ready", log));
        }
    }

    private List<String> command() {
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx192m",
                "-cp", System.getProperty("java.class.path"),
                "io.qmq.bootstrap.QmqCommand", "node", "--mode", mode, "--data-dir", dataDir.toString()));
        settings.forEach((key, value) -> command.addAll(List.of("--set", key + "=" + value)));
        return command;
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

package io.qmq.acceptance.driver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;

/**
 * Copies a child node's output into its log file on a daemon thread, and completes {@link #ready()}
 * with the first ready line: one that starts {@code qmq node ready} (what follows depends on the node's mode).
 * The thread ends when the child's output closes (it exits or is killed).
 */
final class ChildProcessOutput implements Runnable {

    private static final String READY_PREFIX = "qmq node ready";

    private final InputStream output;
    private final Path log;
    private final CompletableFuture<String> ready = new CompletableFuture<>();

    private ChildProcessOutput(InputStream output, Path log) {
        this.output = output;
        this.log = log;
    }

    static ChildProcessOutput follow(Process process, Path log) {
        ChildProcessOutput follower = new ChildProcessOutput(process.getInputStream(), log);
        Thread thread = new Thread(follower, "node-output-" + process.pid());
        thread.setDaemon(true);
        thread.start();
        return follower;
    }

    CompletableFuture<String> ready() {
        return ready;
    }

    @Override
    public void run() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8));
             Writer copy = Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                     StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
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
}

package io.qmq.acceptance.driver;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A standalone node ({@code qmq node --mode standalone}) in a child JVM, launched by {@link ChildNode}.
 * Its client ports are fixed at the first start, so that after a kill the restarted node is found by
 * clients at the same addresses and reopens the same data directory.
 */
public final class ProcessNodeDriver implements Node {

    /** Settings whose port is chosen once and reused by every restart (the meta port is shared anyway). */
    private static final List<String> FIXED_PORT_KEYS = List.of("broker.port", "meta.server.discover.port",
            "delay.port");

    private final ChildNode node;
    private final Path log;
    private ReadyLine ready;

    private ProcessNodeDriver(ChildNode node, Path log) {
        this.node = node;
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
        ProcessNodeDriver driver = new ProcessNodeDriver(new ChildNode("standalone", dataDir, fixed, log), log);
        driver.launch();
        return driver;
    }

    @Override
    public String metaServerUrl() {
        return ready.metaServerUrl();
    }

    /**
     * Messages of {@code subject} whose forward was in doubt when this run of the node began (the last one
     * died between handing them to a broker and recording the outcome) and that a broker already stored.
     */
    public long delayedMessagesFoundStored(String subject) {
        return new MetricsEndpoint(ready.metricsPort(), "the standalone node")
                .sampleOf("qmq_delay_messages_found_stored_total", "subject=\"" + subject + "\"");
    }

    /** SIGKILL: the node gets no chance to flush or close anything. */
    public void kill() {
        node.kill();
    }

    /** Starts the node again on the same data directory and ports. */
    public void restart() {
        launch();
    }

    @Override
    public void close() {
        node.close();
    }

    private void launch() {
        String line = node.start();
        ready = ReadyLine.parse(line).orElseThrow(() -> new NodeStartException(
                "a standalone node's ready line names its meta server, broker and metrics port, but it printed: "
                        + line, log));
    }
}

package io.qmq.bootstrap;

import io.qmq.bootstrap.bench.BenchPlan;
import io.qmq.bootstrap.bench.BenchResult;
import io.qmq.bootstrap.bench.BenchRun;
import io.qmq.bootstrap.bench.DelayWindow;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Measures a running node with the Java client: throughput, send and end-to-end latency. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Send and consume messages against a running node; report throughput and latency percentiles.")
final class BenchCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--meta", required = true, paramLabel = "URL",
            description = "Discovery URL of the node (the meta= of its ready line).")
    private String metaServerUrl;

    @Option(names = "--subject", paramLabel = "NAME", description = "Subject to use (default: a fresh bench-<uuid>).")
    private String subject;

    @Option(names = "--group", paramLabel = "NAME",
            description = "Consumer group (default: a fresh bench-<uuid>); reuse one to drain the backlog it left.")
    private String group;

    @Option(names = "--producers", defaultValue = "1", description = "Producer clients (default: ${DEFAULT-VALUE}).")
    private int producers;

    @Option(names = "--consumers", defaultValue = "1",
            description = "Consumer clients in one group; 0 only sends (default: ${DEFAULT-VALUE}).")
    private int consumers;

    @Option(names = "--size", defaultValue = "1024", paramLabel = "BYTES",
            description = "Payload bytes per message (default: ${DEFAULT-VALUE}).")
    private int messageBytes;

    @Option(names = "--count", defaultValue = "100000", description = "Messages to send at most (default: ${DEFAULT-VALUE}).")
    private long count;

    @Option(names = "--duration", defaultValue = "60", paramLabel = "SECONDS",
            description = "Longest time to send for (default: ${DEFAULT-VALUE}).")
    private long durationSeconds;

    @Option(names = "--in-flight", defaultValue = "1000",
            description = "Unanswered sends at once, over all producers (default: ${DEFAULT-VALUE}).")
    private int maxInFlight;

    @Option(names = "--rate", defaultValue = "0", paramLabel = "MSG_PER_SECOND",
            description = "Send at this fixed rate over all producers, latencies corrected for coordinated omission;"
                    + " 0 sends as fast as possible (default: ${DEFAULT-VALUE}).")
    private double rate;

    @Option(names = "--warmup", defaultValue = "0", paramLabel = "SECONDS",
            description = "Latencies of the first SECONDS of sending are printed but left out of the summary"
                    + " (default: ${DEFAULT-VALUE}).")
    private long warmUpSeconds;

    @Option(names = "--backlog", defaultValue = "0", paramLabel = "MESSAGES",
            description = "Messages already waiting for the --group; the run waits for them too (default: ${DEFAULT-VALUE}).")
    private long backlog;

    @Option(names = "--drain", defaultValue = "30", paramLabel = "SECONDS",
            description = "How long consumers may catch up after sending ends (default: ${DEFAULT-VALUE}).")
    private long drainSeconds;

    @Option(names = "--delay-min-ms", defaultValue = "0", paramLabel = "MILLIS",
            description = "Schedule each message at least this far ahead (default: ${DEFAULT-VALUE}).")
    private long delayMinMillis;

    @Option(names = "--delay-max-ms", defaultValue = "0", paramLabel = "MILLIS",
            description = "Schedule each message at most this far ahead, uniformly from --delay-min-ms; consumers"
                    + " then report lateness after the due time, early and duplicate deliveries;"
                    + " 0 sends realtime messages (default: ${DEFAULT-VALUE}).")
    private long delayMaxMillis;

    @Option(names = "--flush", defaultValue = "unlabelled", paramLabel = "LABEL",
            description = "Label printed with the results, e.g. the node's store.flush (default: ${DEFAULT-VALUE}).")
    private String label;

    @Override
    public Integer call() throws InterruptedException {
        BenchResult result = BenchRun.run(plan(), spec.commandLine().getOut());
        boolean complete = result.failed() == 0 && (consumers == 0 || result.received() >= result.sent() + backlog)
                && result.early() == 0 && result.duplicates() == 0;
        return complete ? 0 : 1;
    }

    private BenchPlan plan() {
        try {
            return new BenchPlan(metaServerUrl, subject == null ? "bench-" + UUID.randomUUID() : subject,
                    group == null ? "bench-" + UUID.randomUUID() : group, producers, consumers, messageBytes, count,
                    Duration.ofSeconds(durationSeconds), maxInFlight, rate, Duration.ofSeconds(warmUpSeconds), backlog,
                    Duration.ofSeconds(drainSeconds), label,
                    new DelayWindow(Duration.ofMillis(delayMinMillis), Duration.ofMillis(delayMaxMillis)));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}

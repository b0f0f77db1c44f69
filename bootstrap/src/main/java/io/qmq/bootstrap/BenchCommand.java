package io.qmq.bootstrap;

import io.qmq.bootstrap.bench.BenchPlan;
import io.qmq.bootstrap.bench.BenchResult;
import io.qmq.bootstrap.bench.BenchRun;
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

    @Option(names = "--flush", defaultValue = "unlabelled", paramLabel = "LABEL",
            description = "Label printed with the results, e.g. the node's store.flush (default: ${DEFAULT-VALUE}).")
    private String label;

    @Override
    public Integer call() throws InterruptedException {
        BenchResult result = BenchRun.run(plan(), spec.commandLine().getOut());
        boolean complete = result.failed() == 0 && (consumers == 0 || result.received() >= result.sent() + backlog);
        return complete ? 0 : 1;
    }

    private BenchPlan plan() {
        try {
            return new BenchPlan(metaServerUrl, subject == null ? "bench-" + UUID.randomUUID() : subject,
                    group == null ? "bench-" + UUID.randomUUID() : group, producers, consumers, messageBytes, count,
                    Duration.ofSeconds(durationSeconds), maxInFlight, rate, Duration.ofSeconds(warmUpSeconds), backlog,
                    Duration.ofSeconds(drainSeconds), label);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}

package io.qmq.bootstrap.bench;

import io.qmq.adapters.netty.client.QmqClient;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * One benchmark against a running node: consumers start first (a new consumer group begins at the
 * latest message), then producers send until the count or the time is used up, then consumers get a
 * bounded time to catch up. A progress line is printed every second and a summary at the end.
 */
public final class BenchRun {

    /** Time for consumers to register and take their first pull before the first message is sent. */
    private static final Duration WARM_UP = Duration.ofSeconds(2);
    private static final long TICK_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Ticks come a little late, never early; this much early still counts as on time. */
    private static final long TICK_SLACK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /** Sends still unanswered this long after the sending time ends are given up on. */
    private static final Duration ANSWER_GRACE = Duration.ofSeconds(15);

    private final BenchPlan plan;
    private final BenchReport report;
    private final Clock clock = Clock.systemUTC();
    private final LatencyRecorder sendLatency = new LatencyRecorder();
    private final LatencyRecorder endToEnd = new LatencyRecorder();
    private final BenchProducers producers;
    private final BenchConsumers consumers;
    /** Counts at the last progress line; only the watching thread touches them. */
    private long lastSent;
    private long lastReceived;

    private BenchRun(BenchPlan plan, PrintWriter out) {
        this.plan = plan;
        this.report = new BenchReport(out, plan);
        this.producers = new BenchProducers(plan, clock, sendLatency);
        this.consumers = new BenchConsumers(plan.subject(), plan.group(), clock, endToEnd,
                SendPace.of(plan.rate(), 0).expectedIntervalMicros());
    }

    public static BenchResult run(BenchPlan plan, PrintWriter out) throws InterruptedException {
        BenchRun run = new BenchRun(plan, out);
        List<QmqClient> clients = new ArrayList<>();
        try {
            return run.execute(clients);
        } finally {
            clients.forEach(QmqClient::close);
        }
    }

    private BenchResult execute(List<QmqClient> clients) throws InterruptedException {
        consumers.start(open("consumer", plan.consumers(), clients));
        List<QmqClient> producerClients = open("producer", plan.producers(), clients);
        Thread.sleep(WARM_UP.toMillis());
        report.start();
        long start = System.nanoTime();
        producers.start(producerClients, start + plan.duration().toNanos());
        long sendingEnded = watch(start);
        Histogram send = sendLatency.total();
        Histogram e2e = endToEnd.total();
        report.summary((sendingEnded - start) / 1e9, producers.sent(), producers.failed(), consumers.received(), send, e2e);
        report.consumed(consumers.received(), consumers.receivingSeconds());
        if (plan.delay().isSet()) {
            report.lateness(consumers.lateness());
        }
        return new BenchResult(producers.sent(), producers.failed(), consumers.received(),
                consumers.lateness().early(), consumers.lateness().duplicates());
    }

    /** Prints progress each second until sending and draining are over; returns when the last send was answered. */
    private long watch(long start) throws InterruptedException {
        long hardStop = start + plan.duration().plus(ANSWER_GRACE).plus(plan.drainTimeout()).toNanos();
        long sendingEnded = 0;
        long nextTick = start + TICK_NANOS;
        while (System.nanoTime() < hardStop) {
            TimeUnit.NANOSECONDS.sleep(Math.max(0, Math.min(nextTick, hardStop) - System.nanoTime()));
            nextTick += TICK_NANOS;
            long sent = producers.sent();
            long received = consumers.received();
            printProgress(start, sent, received);
            if (sendingEnded == 0 && producers.isDone()) {
                sendingEnded = System.nanoTime();
                hardStop = Math.min(hardStop, sendingEnded + plan.drainTimeout().toNanos());
            }
            if (sendingEnded != 0 && (plan.consumers() == 0 || received >= plan.expectedReceived(sent))) {
                break;
            }
        }
        return sendingEnded == 0 || producers.lastAnswerNanos() == 0 ? System.nanoTime() : producers.lastAnswerNanos();
    }

    private void printProgress(long start, long sent, long received) {
        long elapsed = System.nanoTime() - start;
        // the interval just ended began one tick ago: it counts once it began after the warm-up
        boolean counted = elapsed - TICK_NANOS >= plan.warmUp().toNanos() - TICK_SLACK_NANOS;
        report.progress(elapsed / 1e9, sent, sent - lastSent, received, received - lastReceived,
                sendLatency.nextInterval(counted), endToEnd.nextInterval(counted));
        lastSent = sent;
        lastReceived = received;
    }

    private List<QmqClient> open(String role, int count, List<QmqClient> all) {
        List<QmqClient> opened = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            QmqClient client = QmqClient.builder().metaServer(plan.metaServerUrl()).appCode("qmq-bench")
                    .clientId("bench-" + role + "-" + i + "-" + UUID.randomUUID()).build();
            all.add(client);
            opened.add(client);
        }
        return opened;
    }
}

package io.qmq.bootstrap.bench;

import io.qmq.adapters.netty.client.OutgoingMessage;
import io.qmq.adapters.netty.client.Producer;
import io.qmq.adapters.netty.client.QmqClient;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Producer threads that send until the plan's count is used up or its time is over. In-flight sends
 * are bounded by a semaphore so that the producer's queue never overflows and the measured latency
 * is the broker's, not the queue's. With a rate, each thread sends on a fixed schedule ({@link SendPace})
 * and records its send latencies with the send interval as the expected interval.
 */
final class BenchProducers {

    static final String SENT_AT_MICROS = "bench_sent_at_micros";
    static final String PAYLOAD = "bench_payload";
    /** Due time of a delayed message, epoch milliseconds. */
    static final String DUE_AT_MILLIS = "bench_due_at_millis";

    private final BenchPlan plan;
    private final Clock clock;
    private final LatencyRecorder sendLatency;
    private final AtomicLong remaining;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Semaphore inFlight;
    /** When the latest answer came; the sending time ends here, not at the next progress tick. */
    private volatile long lastAnswerNanos;
    private final List<Thread> threads = new ArrayList<>();

    BenchProducers(BenchPlan plan, Clock clock, LatencyRecorder sendLatency) {
        this.plan = plan;
        this.clock = clock;
        this.sendLatency = sendLatency;
        this.remaining = new AtomicLong(plan.count());
        this.inFlight = new Semaphore(plan.maxInFlight());
    }

    void start(List<QmqClient> clients, long deadlineNanos) {
        String payload = "x".repeat(plan.messageBytes());
        for (int i = 0; i < clients.size(); i++) {
            Producer producer = clients.get(i).producer();
            SendPace pace = SendPace.of(plan.rate() / plan.producers(), System.nanoTime());
            Thread thread = new Thread(() -> sendUntilDone(producer, pace, payload, deadlineNanos),
                    "qmq-bench-producer-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /** Whether every thread has stopped sending and every send has its answer. */
    boolean isDone() {
        return threads.stream().noneMatch(Thread::isAlive) && inFlight.availablePermits() == plan.maxInFlight();
    }

    /** When the latest send was answered, on the {@link System#nanoTime()} scale; 0 before any answer. */
    long lastAnswerNanos() {
        return lastAnswerNanos;
    }

    long sent() {
        return sent.get();
    }

    long failed() {
        return failed.get();
    }

    private void sendUntilDone(Producer producer, SendPace pace, String payload, long deadlineNanos) {
        long expectedIntervalMicros = pace.expectedIntervalMicros();
        while (System.nanoTime() < deadlineNanos && remaining.getAndDecrement() > 0) {
            pace.awaitTurn();
            if (!acquire(deadlineNanos)) {
                return;
            }
            long started = System.nanoTime();
            OutgoingMessage message = message(payload);
            try {
                producer.send(message).whenComplete((receipt, error) -> {
                    sendLatency.record(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - started), expectedIntervalMicros);
                    (error == null ? sent : failed).incrementAndGet();
                    lastAnswerNanos = System.nanoTime();
                    inFlight.release();
                });
            } catch (RuntimeException e) {
                // a full queue or a closing client: the message counts as failed and the run goes on
                failed.incrementAndGet();
                inFlight.release();
            }
        }
    }

    private OutgoingMessage message(String payload) {
        OutgoingMessage.Builder message = OutgoingMessage.to(plan.subject())
                .attribute(SENT_AT_MICROS, Long.toString(epochMicros()))
                .attribute(PAYLOAD, payload);
        if (plan.delay().isSet()) {
            long due = plan.delay().dueMillis(clock.millis());
            message.deliverAt(Instant.ofEpochMilli(due)).attribute(DUE_AT_MILLIS, Long.toString(due));
        }
        return message.build();
    }

    private boolean acquire(long deadlineNanos) {
        try {
            return inFlight.tryAcquire(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private long epochMicros() {
        var now = clock.instant();
        return TimeUnit.SECONDS.toMicros(now.getEpochSecond()) + now.getNano() / 1_000;
    }
}

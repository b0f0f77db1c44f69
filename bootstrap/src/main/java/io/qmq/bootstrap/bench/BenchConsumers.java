package io.qmq.bootstrap.bench;

import io.qmq.adapters.netty.client.QmqClient;
import io.qmq.adapters.netty.client.ReceivedMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Consumers of one consumer group, each on its own client (and so its own consumer id). Each message
 * is acknowledged on return; its end-to-end latency is the time since the producer stamped it, which
 * is exact when both run in this process and as good as the clocks' agreement otherwise.
 */
final class BenchConsumers {

    private static final int LISTENER_THREADS = 2;

    private final String subject;
    private final String group;
    private final Clock clock;
    private final LatencyRecorder endToEnd;
    private final long expectedIntervalMicros;
    private final DeliveryLateness lateness = new DeliveryLateness();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong firstReceivedNanos = new AtomicLong();
    private volatile long lastReceivedNanos;

    BenchConsumers(String subject, String group, Clock clock, LatencyRecorder endToEnd, long expectedIntervalMicros) {
        this.subject = subject;
        this.group = group;
        this.clock = clock;
        this.endToEnd = endToEnd;
        this.expectedIntervalMicros = expectedIntervalMicros;
    }

    void start(List<QmqClient> clients) {
        for (QmqClient client : clients) {
            client.consumer(subject, group).threads(LISTENER_THREADS).listener(this::onMessage).start();
        }
    }

    long received() {
        return received.get();
    }

    /** Time from the first message received to the last, in seconds; 0 before two messages came. */
    double receivingSeconds() {
        long first = firstReceivedNanos.get();
        return first == 0 ? 0 : (lastReceivedNanos - first) / 1e9;
    }

    /** Lateness of delayed messages against their due time; empty when no message was delayed. */
    DeliveryLateness lateness() {
        return lateness;
    }

    private void onMessage(ReceivedMessage message) {
        long now = System.nanoTime();
        firstReceivedNanos.compareAndSet(0, now);
        long receivedMicros = micros(clock.instant());
        var due = message.attribute(BenchProducers.DUE_AT_MILLIS);
        due.ifPresent(at -> lateness.record(message.messageId(), Long.parseLong(at), receivedMicros));
        // a delayed message's time since it was sent is its delay, not a latency; corrected for
        // coordinated omission it would also add (delay / send interval) values per message, which
        // made the bench's own listener the bottleneck of delay runs
        message.attribute(BenchProducers.SENT_AT_MICROS).filter(sentAt -> due.isEmpty()).ifPresent(sentAt -> {
            long latency = receivedMicros - Long.parseLong(sentAt);
            endToEnd.record(latency, expectedIntervalMicros);
        });
        received.incrementAndGet();
        lastReceivedNanos = now;
    }

    private static long micros(Instant instant) {
        return TimeUnit.SECONDS.toMicros(instant.getEpochSecond()) + instant.getNano() / 1_000;
    }
}

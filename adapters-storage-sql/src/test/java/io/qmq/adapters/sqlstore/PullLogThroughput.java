package io.qmq.adapters.sqlstore;

import io.qmq.domain.consumer.Consumer;
import io.qmq.domain.consumer.ConsumerGroup;
import io.qmq.domain.consumer.ConsumerId;
import io.qmq.domain.consumer.SequenceRange;
import io.qmq.domain.consumer.Subscription;
import io.qmq.domain.message.Subject;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * A rough measure, not a test: pulls of 10 messages, each acknowledged, per second from 4 consumers of
 * different subscriptions (each pull and each ack is one transaction).
 * Run by hand: {@code java -cp <test class path> io.qmq.adapters.sqlstore.PullLogThroughput [h2|mariadb]}.
 */
final class PullLogThroughput {

    private static final int THREADS = 4;
    private static final int MESSAGES_PER_PULL = 10;
    private static final long SECONDS = 5;
    private static final int MAX_PULLS_PER_THREAD = 1_000_000;

    private PullLogThroughput() {
    }

    public static void main(String[] args) throws Exception {
        boolean mariaDb = args.length > 0 && args[0].equals("mariadb");
        SqlStoreConfig config = mariaDb ? LocalMariaDb.CONFIG : SqlStoreConfig.embeddedH2(Files.createTempDirectory("qmq-throughput"));
        try (SqlDatabase database = SqlDatabase.open(config)) {
            JooqPullLog pullLog = new JooqPullLog(database.dsl());
            for (int round = 0; round < 2; round++) {
                LongAdder pulls = new LongAdder();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
                List<Thread> consumers = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    Thread consumer = new Thread(() -> pullAndAck(pullLog, deadline, pulls), "consumer-" + t);
                    consumer.start();
                    consumers.add(consumer);
                }
                for (Thread consumer : consumers) {
                    consumer.join();
                }
                System.out.printf("%s: %d consumers: %.0f pulls of %d with their acks per second%n",
                        mariaDb ? "MariaDB" : "H2", THREADS, pulls.sum() / (double) SECONDS, MESSAGES_PER_PULL);
            }
        }
    }

    private static void pullAndAck(JooqPullLog pullLog, long deadline, LongAdder pulls) {
        Subscription subscription = new Subscription(Subject.of("throughput-" + UUID.randomUUID()), ConsumerGroup.of("group"));
        Consumer consumer = new Consumer(subscription, ConsumerId.of("host@@" + UUID.randomUUID()));
        pullLog.openCursor(subscription, 0);
        long[] sequences = new long[MESSAGES_PER_PULL];
        for (int pull = 0; pull < MAX_PULLS_PER_THREAD && System.nanoTime() < deadline; pull++) {
            long first = (long) pull * MESSAGES_PER_PULL;
            for (int i = 0; i < MESSAGES_PER_PULL; i++) {
                sequences[i] = first + i;
            }
            pullLog.recordPull(consumer, first, sequences, first + MESSAGES_PER_PULL);
            pullLog.recordAck(consumer, SequenceRange.of(first, first + MESSAGES_PER_PULL - 1));
            pulls.increment();
        }
    }
}

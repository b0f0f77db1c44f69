package io.qmq.adapters.sqlstore;

import io.qmq.domain.message.Message;
import io.qmq.domain.message.MessageFlags;
import io.qmq.domain.message.MessageId;
import io.qmq.domain.message.Subject;
import io.qmq.domain.message.Tags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * A rough measure, not a test: how many 1 KiB single-message appends per second the SQL message log
 * takes from 4 threads, each waiting for its append ({@code in flight 1}) or keeping several going.
 * Run by hand: {@code java -cp <test class path> io.qmq.adapters.sqlstore.AppendThroughput [h2|mariadb]}.
 */
final class AppendThroughput {

    private static final int THREADS = 4;
    private static final int MESSAGE_BYTES = 1024;
    private static final long SECONDS = 5;
    private static final long MAX_APPENDS_PER_THREAD = 2_000_000;

    private AppendThroughput() {
    }

    public static void main(String[] args) throws Exception {
        boolean mariaDb = args.length > 0 && args[0].equals("mariadb");
        SqlStoreConfig config = mariaDb ? LocalMariaDb.CONFIG : SqlStoreConfig.embeddedH2(Files.createTempDirectory("qmq-throughput"));
        try (SqlDatabase database = SqlDatabase.open(config)) {
            JooqMessageLog log = JooqMessageLog.open(database, Clock.systemUTC());
            for (int inFlight : new int[] {1, 1, 16, 64}) {
                double rate = measure(log, inFlight);
                System.out.printf("%s: %d threads, %d in flight each: %.0f appends/s of %d bytes%n",
                        mariaDb ? "MariaDB" : "H2", THREADS, inFlight, rate, MESSAGE_BYTES);
            }
            log.close();
        }
    }

    private static double measure(JooqMessageLog log, int inFlight) throws InterruptedException {
        LongAdder appended = new LongAdder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        List<Thread> producers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Subject subject = Subject.of("throughput-" + UUID.randomUUID());
            Thread producer = new Thread(() -> produce(log, subject, inFlight, deadline, appended), "producer-" + t);
            producer.start();
            producers.add(producer);
        }
        long start = System.nanoTime();
        for (Thread producer : producers) {
            producer.join();
        }
        return appended.sum() / ((System.nanoTime() - start) / 1e9);
    }

    private static void produce(JooqMessageLog log, Subject subject, int inFlight, long deadline, LongAdder appended) {
        ArrayDeque<CompletableFuture<?>> pending = new ArrayDeque<>();
        byte[] body = new byte[MESSAGE_BYTES];
        for (long i = 0; i < MAX_APPENDS_PER_THREAD && System.nanoTime() < deadline; i++) {
            Message message = new Message(subject, MessageId.of(subject.name().substring(11) + "-" + i), Tags.NONE,
                    MessageFlags.of(false, false), i, 0, body);
            pending.add(log.append(List.of(message)));
            if (pending.size() >= inFlight) {
                pending.poll().join();
                appended.increment();
            }
        }
        while (!pending.isEmpty()) {
            pending.poll().join();
            appended.increment();
        }
    }
}

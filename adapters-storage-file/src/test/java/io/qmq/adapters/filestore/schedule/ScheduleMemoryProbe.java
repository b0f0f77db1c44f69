package io.qmq.adapters.filestore.schedule;

import io.qmq.application.port.out.ScheduleSamples;
import io.qmq.domain.delay.DueMessage;
import io.qmq.domain.delay.ScheduleEntry;
import io.qmq.domain.message.Message;
import io.qmq.domain.message.MessageFlags;
import io.qmq.domain.message.MessageId;
import io.qmq.domain.message.Subject;
import io.qmq.domain.message.Tags;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Run in a JVM with a small heap: fills a store with many small messages due far ahead, reopens it,
 * loads a near window and counts a far one. Prints {@code key=value} lines for the test to check.
 * Writing stops at the count or the time budget, whichever comes first.
 */
public final class ScheduleMemoryProbe {

    static final long NEAR = 2_000_000_000_000L;
    static final long FAR = NEAR + Duration.ofDays(540).toMillis();
    static final int NEAR_MESSAGES = 1_000;
    private static final long FAR_SPREAD = Duration.ofDays(1).toMillis();
    private static final int BATCH = 1_000;
    private static final int IN_FLIGHT = 32;
    private static final int BODY_BYTES = 16;

    private ScheduleMemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long target = Long.parseLong(args[1]);
        long budgetNanos = TimeUnit.SECONDS.toNanos(Long.parseLong(args[2]));
        Subject far = Subject.of("far-subject");
        long written;
        long started = System.nanoTime();
        try (FileScheduleStore store = FileScheduleStore.open(ScheduleStoreConfig.defaults(dir))) {
            written = fill(store, far, target, budgetNanos);
            store.add(near()).get(30, TimeUnit.SECONDS);
        }
        System.out.println("written=" + written);
        System.out.println("writeMillis=" + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        try (FileScheduleStore store = FileScheduleStore.open(ScheduleStoreConfig.defaults(dir))) {
            List<ScheduleEntry> window = store.pendingBetween(0, NEAR + Duration.ofMinutes(10).toMillis());
            System.out.println("near=" + window.size());
            System.out.println("nearReadable=" + window.stream().filter(e -> store.read(e).isPresent()).count());
            System.out.println("farCount=" + store.countPending(far, FAR, FAR + FAR_SPREAD));
            System.out.println("withId=" + store.pendingWithId(MessageId.of("m" + (written / 2))).size());
            System.gc();
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            System.out.println("heapUsedAfterReopen=" + used);
        }
        System.out.println("done");
    }

    private static long fill(FileScheduleStore store, Subject subject, long target, long budgetNanos) throws Exception {
        long start = System.nanoTime();
        ArrayDeque<CompletableFuture<List<ScheduleEntry>>> inFlight = new ArrayDeque<>();
        byte[] body = new byte[BODY_BYTES];
        long written = 0;
        while (written < target && System.nanoTime() - start < budgetNanos) {
            List<DueMessage> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < BATCH; i++) {
                long due = FAR + Math.floorMod((written + i) * 7_919L, FAR_SPREAD);
                Message m = new Message(subject, MessageId.of("m" + (written + i)), Tags.NONE, MessageFlags.of(true, false),
                        NEAR, due, body);
                batch.add(new DueMessage(due, m));
            }
            inFlight.add(store.add(batch));
            written += BATCH;
            if (inFlight.size() >= IN_FLIGHT) {
                inFlight.poll().get(30, TimeUnit.SECONDS);
            }
        }
        for (CompletableFuture<List<ScheduleEntry>> pending : inFlight) {
            pending.get(30, TimeUnit.SECONDS);
        }
        return written;
    }

    private static List<DueMessage> near() {
        Subject subject = ScheduleSamples.freshSubject();
        List<DueMessage> near = new ArrayList<>();
        for (int i = 0; i < NEAR_MESSAGES; i++) {
            near.add(ScheduleSamples.due(subject, NEAR + i * 100L));
        }
        return near;
    }
}

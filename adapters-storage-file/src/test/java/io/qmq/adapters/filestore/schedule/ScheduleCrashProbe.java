package io.qmq.adapters.filestore.schedule;

import io.qmq.application.port.out.ScheduleSamples;
import io.qmq.domain.delay.DueMessage;
import io.qmq.domain.delay.ScheduleEntry;
import io.qmq.domain.message.MessageId;
import io.qmq.domain.message.Subject;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Run in a JVM that the test kills with SIGKILL: adds, forwards and cancels scheduled messages in a
 * loop, on two threads, journaling to unbuffered stdout. "added" and "forwarded"/"cancelled" lines are
 * written only after the store returned; "settling" lines before the call.
 */
public final class ScheduleCrashProbe {

    static final long BASE = 2_000_000_000_000L;
    private static final PrintStream JOURNAL = new PrintStream(new FileOutputStream(FileDescriptor.out), true);
    private static final int BATCH = 20;

    private ScheduleCrashProbe() {
    }

    public static void main(String[] args) throws Exception {
        FileScheduleStore store = FileScheduleStore.open(ScheduleStoreConfig.defaults(Path.of(args[0])));
        String run = args[1];
        List<ScheduleEntry> left = store.pendingBetween(0, Long.MAX_VALUE);
        for (ScheduleEntry entry : left.subList(0, left.size() / 2)) {
            settle(store, entry, true);
        }
        JOURNAL.println("ready");
        Thread other = new Thread(() -> work(store, run + "b"));
        other.setDaemon(true);
        other.start();
        work(store, run + "a");
    }

    private static void work(FileScheduleStore store, String prefix) {
        Subject subject = ScheduleSamples.freshSubject();
        for (long n = 0; ; n++) {
            List<DueMessage> batch = new ArrayList<>();
            for (int i = 0; i < BATCH; i++) {
                batch.add(ScheduleSamples.due(subject, MessageId.of(prefix + "-" + n + "-" + i), BASE + (n * BATCH + i) % 5_000));
            }
            List<ScheduleEntry> entries = store.add(batch).orTimeout(10, TimeUnit.SECONDS).join();
            for (int i = 0; i < BATCH; i++) {
                ScheduleEntry e = entries.get(i);
                JOURNAL.println("added " + e.scheduleId() + " " + e.dueAt() + " " + e.location() + " "
                        + batch.get(i).message().id());
            }
            for (ScheduleEntry e : entries) {
                if (e.scheduleId() % 3 == 0) {
                    settle(store, e, true);
                } else if (e.scheduleId() % 7 == 1) {
                    settle(store, e, false);
                }
            }
        }
    }

    private static void settle(FileScheduleStore store, ScheduleEntry e, boolean forward) {
        JOURNAL.println("settling " + e.scheduleId());
        if (forward) {
            store.markForwarded(List.of(e));
            JOURNAL.println("forwarded " + e.scheduleId());
        } else if (store.cancel(e)) {
            JOURNAL.println("cancelled " + e.scheduleId());
        }
    }
}

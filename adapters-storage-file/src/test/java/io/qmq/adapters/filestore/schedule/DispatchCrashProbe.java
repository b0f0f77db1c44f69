package io.qmq.adapters.filestore.schedule;

import io.qmq.application.port.out.ScheduleSamples;
import io.qmq.domain.delay.DueMessage;
import io.qmq.domain.delay.ScheduleEntry;
import io.qmq.domain.message.Subject;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Run in a JVM that the test kills with SIGKILL: adds a batch of messages under the async policy
 * (nothing forced), records the dispatch of all of them, forwards the first third and cancels the
 * second, prints the schedule ids of each part and waits to be killed.
 */
public final class DispatchCrashProbe {

    static final long DISPATCHED_AT = 1_999_000_000_000L;
    private static final int MESSAGES = 30;
    private static final PrintStream OUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true);

    private DispatchCrashProbe() {
    }

    public static void main(String[] args) throws Exception {
        FileScheduleStore store = FileScheduleStore.open(ScheduleStoreConfig.defaults(Path.of(args[0])));
        Subject subject = ScheduleSamples.freshSubject();
        List<DueMessage> batch = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            batch.add(ScheduleSamples.due(subject, ScheduleCrashProbe.BASE + i));
        }
        List<ScheduleEntry> entries = store.add(batch).orTimeout(10, TimeUnit.SECONDS).join();
        store.markDispatching(entries, DISPATCHED_AT);
        int third = MESSAGES / 3;
        store.markForwarded(entries.subList(0, third));
        entries.subList(third, 2 * third).forEach(store::cancel);
        OUT.println("in-doubt " + ids(entries.subList(2 * third, MESSAGES)));
        OUT.println("ready");
        Thread.sleep(TimeUnit.MINUTES.toMillis(5));
    }

    private static String ids(List<ScheduleEntry> entries) {
        return String.join(",", entries.stream().map(e -> Long.toString(e.scheduleId())).toList());
    }
}

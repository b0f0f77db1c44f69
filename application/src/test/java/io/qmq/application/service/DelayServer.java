package io.qmq.application.service;

import io.qmq.application.fixtures.InMemoryScheduleStore;
import io.qmq.application.port.in.SendMessagesCommand;
import io.qmq.application.port.in.SendResult;
import io.qmq.application.port.out.DelayMetrics;
import io.qmq.domain.delay.DelayLimit;
import io.qmq.domain.message.Message;
import io.qmq.domain.message.MessageFlags;
import io.qmq.domain.message.MessageId;
import io.qmq.domain.message.MessageSizeLimit;
import io.qmq.domain.message.Subject;
import io.qmq.domain.message.Tags;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The delay server's use cases over an in-memory store and a recording forwarder. */
final class DelayServer implements AutoCloseable {

    static final DelaySettings SETTINGS = new DelaySettings(new DelayLimit(Duration.ofDays(1)), MessageSizeLimit.DEFAULT,
            Duration.ofMillis(500), 50, Duration.ofMillis(100));

    final InMemoryScheduleStore store;
    final RecordingForwarder forwarder = new RecordingForwarder();
    final DueForwarding forwarding;
    final DelayTimer timer;
    final ScheduleMessagesService schedule;
    final InspectSchedulesService inspect;
    private final ScheduledExecutorService timerThread = Executors.newSingleThreadScheduledExecutor();
    private final java.util.concurrent.ExecutorService workers = Executors.newFixedThreadPool(2);

    DelayServer(InMemoryScheduleStore store) {
        this.store = store;
        Clock clock = Clock.systemUTC();
        forwarding = new DueForwarding(store, forwarder, DelayMetrics.NONE, clock, workers);
        timer = new DelayTimer(store, forwarding, SETTINGS, clock, timerThread, workers);
        schedule = new ScheduleMessagesService(store, timer, DelayMetrics.NONE, SETTINGS, clock);
        inspect = new InspectSchedulesService(store, store, timer);
        timer.start();
    }

    static Message delayed(String subject, String id, long dueAt) {
        return new Message(Subject.of(subject), MessageId.of(id), Tags.NONE, MessageFlags.of(true, false),
                System.currentTimeMillis(), dueAt, ("body of " + id).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    List<SendResult> send(Message... messages) {
        return schedule.send(new SendMessagesCommand(List.of(messages))).join();
    }

    @Override
    public void close() throws InterruptedException {
        timerThread.shutdownNow();
        workers.shutdownNow();
        timerThread.awaitTermination(1, TimeUnit.SECONDS);
        workers.awaitTermination(1, TimeUnit.SECONDS);
    }
}

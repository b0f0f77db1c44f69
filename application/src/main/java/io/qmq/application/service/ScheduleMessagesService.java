package io.qmq.application.service;

import io.qmq.application.port.in.SendMessagesCommand;
import io.qmq.application.port.in.SendMessagesUseCase;
import io.qmq.application.port.in.SendResult;
import io.qmq.application.port.in.SendStatus;
import io.qmq.application.port.out.DelayMetrics;
import io.qmq.application.port.out.ScheduleStore;
import io.qmq.domain.delay.DelayTooLongException;
import io.qmq.domain.delay.DueMessage;
import io.qmq.domain.message.InvalidMessageException;
import io.qmq.domain.message.Message;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * What a send means on a delay server: store each message durably with its due time before
 * answering, then let the timer know of those due soon. A message scheduled beyond the limit is
 * refused as BLOCKED, which producers do not retry, with a remark that says why.
 */
public final class ScheduleMessagesService implements SendMessagesUseCase {

    private static final System.Logger LOG = System.getLogger(ScheduleMessagesService.class.getName());

    private final ScheduleStore store;
    private final DelayTimer timer;
    private final DelayMetrics metrics;
    private final DelaySettings settings;
    private final Clock clock;

    public ScheduleMessagesService(ScheduleStore store, DelayTimer timer, DelayMetrics metrics, DelaySettings settings,
                                   Clock clock) {
        this.store = store;
        this.timer = timer;
        this.metrics = metrics;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<List<SendResult>> send(SendMessagesCommand command) {
        SendBatch batch = new SendBatch(command.messages());
        long now = clock.millis();
        List<DueMessage> due = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Message message = batch.message(i);
            try {
                settings.sizeLimit().check(message);
                due.add(new DueMessage(settings.limit().dueTime(message, now), message));
                batch.accept(i);
            } catch (DelayTooLongException e) {
                batch.refuse(i, SendStatus.BLOCKED, e.getMessage());
            } catch (InvalidMessageException e) {
                batch.refuse(i, SendStatus.STORE_ERROR, e.getMessage());
            }
        }
        if (due.isEmpty()) {
            return CompletableFuture.completedFuture(batch.results());
        }
        return store.add(due).handle((entries, failure) -> {
            if (failure == null) {
                timer.offer(entries);
                countScheduled(due);
            } else {
                LOG.log(System.Logger.Level.WARNING, "storing " + due.size() + " delayed messages failed", failure);
            }
            return batch.settle(failure);
        });
    }

    private void countScheduled(List<DueMessage> due) {
        due.stream().collect(Collectors.groupingBy(d -> d.message().subject(), Collectors.counting()))
                .forEach((subject, count) -> metrics.messagesScheduled(subject, count.intValue()));
    }
}

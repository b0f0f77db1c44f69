package io.qmq.application.service;

import io.qmq.application.port.in.InspectSchedulesUseCase;
import io.qmq.application.port.out.ScheduleCatalog;
import io.qmq.application.port.out.ScheduleStore;
import io.qmq.domain.delay.ScheduleEntry;
import io.qmq.domain.delay.ScheduledMessage;
import io.qmq.domain.message.MessageId;
import io.qmq.domain.message.Subject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Operators' view of the delay server: count, show and cancel pending messages. */
public final class InspectSchedulesService implements InspectSchedulesUseCase {

    private final ScheduleStore store;
    private final ScheduleCatalog catalog;
    private final DelayTimer timer;

    public InspectSchedulesService(ScheduleStore store, ScheduleCatalog catalog, DelayTimer timer) {
        this.store = store;
        this.catalog = catalog;
        this.timer = timer;
    }

    @Override
    public long countPending(Subject subject, Instant from, Instant to) {
        return catalog.countPending(subject, from.toEpochMilli(), to.toEpochMilli());
    }

    @Override
    public List<ScheduledMessage> pendingWithId(MessageId id) {
        return catalog.pendingWithId(id).stream().map(store::read).flatMap(Optional::stream).toList();
    }

    @Override
    public int cancel(MessageId id) {
        int cancelled = 0;
        for (ScheduleEntry entry : catalog.pendingWithId(id)) {
            if (store.cancel(entry)) {
                timer.forget(entry);
                cancelled++;
            }
        }
        return cancelled;
    }
}

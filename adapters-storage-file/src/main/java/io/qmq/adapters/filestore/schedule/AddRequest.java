package io.qmq.adapters.filestore.schedule;

import io.qmq.domain.delay.DueMessage;
import io.qmq.domain.delay.ScheduleEntry;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Messages waiting for the writer thread, and the future their sender waits on. Due times before
 * 1970 are refused here, before anything is written: segment file names hold unsigned times.
 */
record AddRequest(List<DueMessage> messages, CompletableFuture<List<ScheduleEntry>> stored) {

    AddRequest {
        for (DueMessage due : messages) {
            if (due.dueAt() < 0) {
                throw new IllegalArgumentException("a due time must not be before 1970, got " + due.dueAt());
            }
        }
    }
}

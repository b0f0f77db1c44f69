package io.qmq.adapters.filestore.schedule;

import io.qmq.domain.delay.DueMessage;
import io.qmq.domain.delay.ScheduleEntry;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Messages waiting for the writer thread, and the future their sender waits on. */
record AddRequest(List<DueMessage> messages, CompletableFuture<List<ScheduleEntry>> stored) {
}

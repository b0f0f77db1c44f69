package io.qmq.application.port.in;

import io.qmq.domain.delay.ScheduledMessage;
import io.qmq.domain.message.MessageId;
import io.qmq.domain.message.Subject;
import java.time.Instant;
import java.util.List;

/** Operators look at and cancel messages the delay server holds. */
public interface InspectSchedulesUseCase {

    /** How many messages of the subject are pending with a due time in {@code [from, to)}. */
    long countPending(Subject subject, Instant from, Instant to);

    /** The pending messages with this id (a producer may have sent one id more than once). */
    List<ScheduledMessage> pendingWithId(MessageId id);

    /** Cancels every pending message with this id; returns how many were cancelled. */
    int cancel(MessageId id);
}

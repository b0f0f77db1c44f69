package io.qmq.application.port.out;

import io.qmq.domain.delay.ScheduleEntry;
import io.qmq.domain.message.MessageId;
import io.qmq.domain.message.Subject;
import java.util.List;

/** Looks up pending scheduled messages for operators: by id, and counted by subject and time. */
public interface ScheduleCatalog {

    /** Entries of pending messages with this message id (a producer may have sent it more than once). */
    List<ScheduleEntry> pendingWithId(MessageId id);

    /** How many pending messages of the subject fall due in {@code [fromInclusive, toExclusive)}. */
    long countPending(Subject subject, long fromInclusive, long toExclusive);
}

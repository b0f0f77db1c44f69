package io.qmq.domain.delay;

import io.qmq.domain.message.Message;
import java.util.Objects;

/**
 * A message the delay server holds until it falls due.
 *
 * @param scheduleId the delay server's own identity for it, unique and increasing in acceptance order
 *                   (producers may re-send one message id, so ids are not unique)
 * @param dueAt      when it falls due, epoch milliseconds
 * @param message    the message, forwarded unchanged
 */
public record ScheduledMessage(long scheduleId, long dueAt, Message message) {

    public ScheduledMessage {
        Objects.requireNonNull(message, "message");
        if (scheduleId < 0) {
            throw new IllegalArgumentException("schedule id must be >= 0, got " + scheduleId);
        }
    }

    public boolean isDue(long now) {
        return now >= dueAt;
    }
}

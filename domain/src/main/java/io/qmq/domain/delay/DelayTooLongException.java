package io.qmq.domain.delay;

import io.qmq.domain.message.InvalidMessageException;
import io.qmq.domain.message.Message;
import java.time.Duration;

/** A message scheduled further ahead than the delay server accepts. */
public final class DelayTooLongException extends InvalidMessageException {

    private static final long serialVersionUID = 1L;

    public DelayTooLongException(Message message, Duration requested, Duration limit) {
        super("message " + message.id() + " of " + message.subject() + " is scheduled " + requested.toSeconds()
                + " s ahead, more than the limit of " + limit.toSeconds() + " s");
    }
}

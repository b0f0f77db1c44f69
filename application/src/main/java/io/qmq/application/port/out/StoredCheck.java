package io.qmq.application.port.out;

import io.qmq.domain.message.Message;
import java.util.List;

/**
 * What the realtime brokers said of candidate messages: those a broker stores, and those whose answer
 * is unknown because a group could not be asked. A candidate in neither list is stored by none. Both
 * lists hold the very instances that were asked about.
 */
public record StoredCheck(List<Message> stored, List<Message> unanswered) {

    public StoredCheck {
        stored = List.copyOf(stored);
        unanswered = List.copyOf(unanswered);
    }
}

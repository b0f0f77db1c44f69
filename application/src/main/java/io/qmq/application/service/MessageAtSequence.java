package io.qmq.application.service;

import io.qmq.application.port.out.MessageLog;
import io.qmq.domain.message.Message;
import io.qmq.domain.message.Subject;
import java.util.List;
import java.util.Optional;

/**
 * Reads the one message filed under a subject sequence. A read starting before the oldest message kept
 * returns a later one, so the sequence is checked: a message that is gone reads as empty, never as
 * its neighbour.
 */
final class MessageAtSequence {

    private MessageAtSequence() {
    }

    static Optional<Message> read(MessageLog log, Subject subject, long sequence) {
        if (sequence < 0) {
            return Optional.empty();
        }
        var read = log.read(subject, sequence, 1, Integer.MAX_VALUE);
        return read.isEmpty() || read.get(0).sequence() != sequence ? Optional.empty() : Optional.of(read.get(0).message());
    }
}

package io.qmq.application.port.out;

import io.qmq.domain.message.Message;
import io.qmq.domain.message.StoredMessage;
import io.qmq.domain.message.Subject;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Where the broker keeps messages: one log for every subject, and per subject a dense sequence
 * (the consume log) by which consumers read it.
 *
 * <p>Implementations are thread-safe: many threads append and read at once.
 */
public interface MessageLog extends AutoCloseable {

    /**
     * Appends the messages in order; each gets the next sequence of its subject. The future completes
     * once all of them are stored as the configured flush policy promises (in the page cache for
     * {@code async}, on disk for {@code sync}), with each message at its place. It completes
     * exceptionally with a {@link MessageLogException} when the log cannot store them; some of the
     * batch may then still be stored, so producers retry and consumers see it at least once.
     */
    CompletableFuture<List<StoredMessage>> append(List<Message> messages);

    /**
     * Up to {@code maxMessages} consecutive messages of the subject starting at {@code fromSequence},
     * together at most {@code maxBytes} of encoded records unless the first alone is larger (it is
     * still returned). A sequence older than the oldest retained message starts at the oldest.
     * Returns only messages whose append has completed; empty at the end.
     */
    List<StoredMessage> read(Subject subject, long fromSequence, int maxMessages, int maxBytes);

    /** The sequence the subject's next message will get; every readable message is below it. */
    long endSequence(Subject subject);

    /** The subjects that have ever had a message. */
    Set<Subject> subjects();

    /** Flushes what was appended and releases files; appends after close fail. */
    @Override
    void close();
}

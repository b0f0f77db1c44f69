package io.qmq.application.port.out;

import io.qmq.domain.message.Message;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Hands due messages from the delay server to the realtime brokers of their subjects. */
public interface MessageForwarder extends AutoCloseable {

    /**
     * Sends the messages, unchanged, to realtime brokers of their subjects. The future completes with
     * the messages a broker acknowledged storing; the others are to be tried again later.
     */
    CompletableFuture<List<Message>> forward(List<Message> messages);

    /**
     * Asks every realtime group of each candidate's subject whether it already stores the candidate
     * (same subject, id and bytes), looking back to {@code since} (epoch ms, on the delay server's clock)
     * when the candidates' forward began. A candidate of a subject whose groups could not all answer is
     * {@link StoredCheck#unanswered() unanswered}: whether it is stored is unknown. The future never
     * completes exceptionally.
     */
    CompletableFuture<StoredCheck> alreadyStored(List<Message> candidates, long since);

    @Override
    void close();
}

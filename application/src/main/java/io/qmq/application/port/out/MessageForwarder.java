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

    @Override
    void close();
}

package io.qmq.application.port.in;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A producer hands the broker a batch of messages to store. */
public interface SendMessagesUseCase {

    /**
     * Stores the batch. The future completes with one result per message, in the batch's order, once
     * every message is stored as the flush policy promises or has been refused; it never completes
     * exceptionally for a refusal, only for a failure of the broker itself.
     */
    CompletableFuture<List<SendResult>> send(SendMessagesCommand command);
}

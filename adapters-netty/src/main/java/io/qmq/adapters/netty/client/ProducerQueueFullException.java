package io.qmq.adapters.netty.client;

import java.time.Duration;

/** The producer's bounded queue stayed full for the configured enqueue timeout. */
public final class ProducerQueueFullException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ProducerQueueFullException(String messageId, String subject, int capacity, Duration waited) {
        super("producer queue full (" + capacity + " messages) for " + waited.toMillis()
                + " ms: message " + messageId + " to " + subject + " was not accepted");
    }
}

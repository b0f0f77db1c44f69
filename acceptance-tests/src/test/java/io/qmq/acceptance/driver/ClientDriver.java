package io.qmq.acceptance.driver;

import java.util.concurrent.CompletableFuture;

/**
 * One application's view of a node through one client library: it sends, and it starts consumer
 * instances. Scenarios run unchanged over either library.
 */
public interface ClientDriver extends AutoCloseable {

    /** Completes when the broker acknowledged the message, exceptionally when the client gave up. */
    CompletableFuture<Void> send(OutgoingMessage message);

    /** Starts a consumer instance that calls {@code handler} for each message it is given. */
    ConsumerDriver subscribe(SubscriptionRequest request, DeliveryHandler handler);

    /** Stops the producer and every consumer this driver started. */
    @Override
    void close();
}

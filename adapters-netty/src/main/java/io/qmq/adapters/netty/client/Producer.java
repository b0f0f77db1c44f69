package io.qmq.adapters.netty.client;

import java.util.concurrent.CompletableFuture;

/**
 * Publishes messages asynchronously. {@link #send} stamps the message (id, creation and expiry time,
 * app code), chooses its route type (delay servers when it is scheduled at least 500 ms ahead) and
 * queues it; sender threads batch queued messages per subject and route type and send them with
 * retries. The queue is bounded: when it stays full for the configured enqueue timeout (default: not
 * at all), {@code send} throws {@link ProducerQueueFullException} on the caller's thread.
 *
 * <p>The future completes with a {@link SendReceipt} once a broker stored the message, or fails with
 * {@link SendFailedException} when the broker refused it (busy, blocked) or every try failed. Thread-safe;
 * one per client.
 */
public final class Producer {

    private final ProducerStamp stamp;
    private final SendQueue queue;
    private volatile boolean closed;

    Producer(ProducerStamp stamp, SendQueue queue) {
        this.stamp = stamp;
        this.queue = queue;
    }

    /**
     * Queues a message for sending.
     *
     * @throws ProducerQueueFullException when the queue has no room within the enqueue timeout
     * @throws IllegalStateException      when the client is closed
     */
    public CompletableFuture<SendReceipt> send(OutgoingMessage message) {
        if (closed) {
            throw new IllegalStateException("client is closed: cannot send to " + message.subject());
        }
        OutboundRecord record = stamp.stamp(message);
        PendingSend pending = new PendingSend(record, record.routeTypeAt(stamp.now()), new CompletableFuture<>());
        queue.offer(pending);
        return pending.result();
    }

    void close() {
        closed = true;
    }
}

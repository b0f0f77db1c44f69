package io.qmq.adapters.netty.client;

/**
 * Processes messages of a listener consumer, on the consumer's executor. Returning normally acks the
 * message; throwing sends it to the group's retry subject (or dead-letter subject when its retries ran
 * out) and acks it once the copy is stored. A listener may also settle a message itself with
 * {@link ReceivedMessage#ack()} or {@link ReceivedMessage#nack(java.time.Duration)}.
 */
@FunctionalInterface
public interface MessageListener {

    void onMessage(ReceivedMessage message);
}

package io.qmq.application.port.out;

/**
 * A master's consumer progress (every group's cursor, what each consumer holds and acknowledged), whole,
 * for its slave to keep a copy of. The content is the store's own encoding; the slave's store reads it.
 */
public interface ConsumerProgressSource {

    /**
     * The progress now. It refers only to messages committed before it was taken, so a copy of the
     * message log that reaches the log's committed end read after this call holds every one of them.
     */
    byte[] snapshot();
}

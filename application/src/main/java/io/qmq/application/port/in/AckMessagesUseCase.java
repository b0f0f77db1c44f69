package io.qmq.application.port.in;

/** A consumer says it has finished messages, or only that it is alive. */
public interface AckMessagesUseCase {

    /** Records the acknowledgement durably before returning; blocks, so callers run it off I/O threads. */
    void ack(AckCommand command);
}

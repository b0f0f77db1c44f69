package io.qmq.application.port.out;

import io.qmq.application.port.in.SendStatus;
import io.qmq.domain.consumer.Subscription;
import io.qmq.domain.message.Subject;
import java.time.Duration;

/** What the broker reports about its work. Implementations must be cheap and never throw. */
public interface BrokerMetrics {

    /** Messages of one subject were stored. */
    void messagesStored(Subject subject, int count, long bytes);

    /** A batch append took this long, from hand-over to the log until it was stored. */
    void appendCompleted(Duration latency);

    /** A message was refused. */
    void messageRefused(Subject subject, SendStatus status);

    /** A pull completed, possibly empty. */
    void pullServed(Subscription subscription, int messages, long bytes);

    /** Pull sequences were acknowledged. */
    void messagesAcked(Subscription subscription, long count);

    /**
     * Messages handed out but never acknowledged (lost acks, silent consumers) were re-published to
     * the group's retry subject.
     */
    void messagesRedelivered(Subscription subscription, long count);

    /**
     * A retention sweep of the message log ran: the log's segments now hold {@code bytesOnDisk} bytes,
     * after deleting {@code segmentsDeleted} segments of {@code bytesDeleted} bytes (both 0 when nothing expired).
     */
    void messageLogSwept(long bytesOnDisk, int segmentsDeleted, long bytesDeleted);

    /** A read of the subject started past {@code count} messages that retention deleted before anyone read them. */
    void expiredMessagesSkipped(Subject subject, long count);

    /** Does nothing: for tests and nodes without metrics. */
    BrokerMetrics NONE = new BrokerMetrics() {
        @Override
        public void messagesStored(Subject subject, int count, long bytes) {
        }

        @Override
        public void appendCompleted(Duration latency) {
        }

        @Override
        public void messageRefused(Subject subject, SendStatus status) {
        }

        @Override
        public void pullServed(Subscription subscription, int messages, long bytes) {
        }

        @Override
        public void messagesAcked(Subscription subscription, long count) {
        }

        @Override
        public void messagesRedelivered(Subscription subscription, long count) {
        }

        @Override
        public void messageLogSwept(long bytesOnDisk, int segmentsDeleted, long bytesDeleted) {
        }

        @Override
        public void expiredMessagesSkipped(Subject subject, long count) {
        }
    };
}

package io.qmq.adapters.netty.client;

import io.qmq.domain.message.Subject;
import io.qmq.domain.message.Tags;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A message a consumer received, labelled with the subscribed subject even when it came from the
 * group's retry subject. It is settled exactly once: {@link #ack()} marks it finished, {@link #nack()} sends a
 * copy to the retry (or dead-letter) subject and marks it finished once the copy is stored. Later calls
 * are ignored. Finished messages are acknowledged to the broker in contiguous ranges.
 */
public final class ReceivedMessage {

    private final Subject subject;
    private final String messageId;
    private final Tags tags;
    private final Map<String, String> attributes;
    private final long pullOffset;
    private final StreamSettlement settlement;
    private final AtomicBoolean settled = new AtomicBoolean();

    /**
     * @param attributes read-only and owned by the message from here on (a decoded record's map): it is
     *                   not copied, since a copy per delivered message was a sixth of a drain's decoding
     */
    ReceivedMessage(Subject subject, String messageId, Tags tags, Map<String, String> attributes,
                    long pullOffset, StreamSettlement settlement) {
        this.subject = Objects.requireNonNull(subject, "subject");
        this.messageId = Objects.requireNonNull(messageId, "message id");
        this.tags = Objects.requireNonNull(tags, "tags");
        this.attributes = Objects.requireNonNull(attributes, "attributes");
        this.pullOffset = pullOffset;
        this.settlement = Objects.requireNonNull(settlement, "settlement");
    }

    public Subject subject() {
        return subject;
    }

    public String messageId() {
        return messageId;
    }

    public Tags tags() {
        return tags;
    }

    /** Every attribute, the client's {@code qmq_*} ones included. */
    public Map<String, String> attributes() {
        return attributes;
    }

    public Optional<String> attribute(String key) {
        return Optional.ofNullable(attributes.get(key));
    }

    /** Which delivery attempt this is: 1 for the first, n for the (n-1)th retry. */
    public int times() {
        return MessageAttributes.times(attributes);
    }

    /** The pull offset the broker gave this delivery (per consumer and broker group). */
    public long pullOffset() {
        return pullOffset;
    }

    public String brokerGroup() {
        return settlement.brokerGroup();
    }

    /** Marks the message processed. */
    public void ack() {
        if (settled.compareAndSet(false, true)) {
            settlement.ack(this);
        }
    }

    /** Marks the message failed: it is redelivered through the retry subject. */
    public void nack() {
        nack(Duration.ZERO);
    }

    /**
     * Marks the message failed and asks for redelivery no sooner than {@code delay} from now (through
     * a delay server when the delay is at least 500 ms).
     */
    public void nack(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (settled.compareAndSet(false, true)) {
            settlement.nack(this, delay);
        }
    }

    boolean isSettled() {
        return settled.get();
    }

    @Override
    public String toString() {
        return "ReceivedMessage[" + subject + "/" + messageId + " @" + pullOffset + ", times " + times() + "]";
    }
}

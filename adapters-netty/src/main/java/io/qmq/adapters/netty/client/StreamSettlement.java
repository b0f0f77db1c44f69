package io.qmq.adapters.netty.client;

import io.qmq.adapters.netty.codec.MessageRecord;
import io.qmq.domain.message.InvalidMessageException;
import io.qmq.domain.message.Tags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to the messages of one stream: which received messages reach the application, and how
 * settling them turns into acks. Kept for the consumer's lifetime even while its broker group is out of
 * the route, so acks still owed are sent if the group comes back (§8.3).
 *
 * <p>Skipped on receipt (acked without delivery): copies meant for another consumer group, corrupt
 * records, and with consume-at-most-once any retry (times > 1); at-most-once acks the rest on receipt.
 */
final class StreamSettlement {

    private static final Logger LOG = LoggerFactory.getLogger(StreamSettlement.class);

    private final StreamAddress stream;
    private final ConsumerSettings settings;
    private final ConsumerWiring wiring;
    private final AckTracker tracker = new AckTracker();
    private final AckSender acks;
    private volatile String address;

    StreamSettlement(StreamAddress stream, String address, ConsumerSettings settings, ConsumerWiring wiring) {
        this.stream = stream;
        this.address = address;
        this.settings = settings;
        this.wiring = wiring;
        this.acks = new AckSender(stream, tracker, settings, wiring, () -> this.address);
    }

    /** The messages of a pull answer that the application should see, registered for acking. */
    List<ReceivedMessage> receive(long firstPullOffset, List<MessageRecord> records) {
        boolean[] fresh = new boolean[records.size()];
        for (int i = 0; i < records.size(); i++) {
            fresh[i] = tracker.received(firstPullOffset + i);
        }
        List<ReceivedMessage> admitted = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            if (fresh[i]) {
                toMessage(records.get(i), firstPullOffset + i).filter(this::admit).ifPresent(admitted::add);
            }
        }
        return admitted;
    }

    private java.util.Optional<ReceivedMessage> toMessage(MessageRecord record, long offset) {
        try {
            return java.util.Optional.of(new ReceivedMessage(settings.subject(), record.messageId(),
                    Tags.of(record.tags()), record.attributes(), offset, this));
        } catch (InvalidMessageException e) {
            LOG.warn("skipping corrupt message at {} of {}: {}", offset, stream, e.getMessage());
            finished(offset);
            return java.util.Optional.empty();
        }
    }

    private boolean admit(ReceivedMessage message) {
        String owner = message.attributes().get(MessageAttributes.CONSUMER_GROUP_NAME);
        boolean foreign = owner != null && !owner.isEmpty() && !owner.equals(settings.group());
        boolean corrupt = message.attributes().containsKey(MessageAttributes.CORRUPT_DATA);
        if (foreign || corrupt || (settings.atMostOnce() && message.times() > 1)) {
            message.ack();
            return false;
        }
        if (settings.atMostOnce()) {
            message.ack();
        }
        return true;
    }

    void ack(ReceivedMessage message) {
        finished(message.pullOffset());
    }

    /** Sends the retry copy; the original counts as finished only once the copy is stored. */
    void nack(ReceivedMessage message, Duration delay) {
        OutboundRecord copy = RetryCopy.of(message, settings.group(), settings.maxRetries(), wiring.clock().millis(), delay);
        wiring.sendBack().send(copy).whenComplete((receipt, error) -> {
            if (error == null) {
                finished(message.pullOffset());
            } else {
                LOG.warn("retry copy of {} not stored; it stays un-acked: {}", message, error.toString());
            }
        });
    }

    private void finished(long offset) {
        tracker.finished(offset);
        acks.onFinished();
    }

    String brokerGroup() {
        return stream.brokerGroup();
    }

    StreamAddress stream() {
        return stream;
    }

    String address() {
        return address;
    }

    void moveTo(String newAddress) {
        this.address = newAddress;
    }

    AckTracker tracker() {
        return tracker;
    }

    AckSender acks() {
        return acks;
    }
}

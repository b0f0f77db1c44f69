package io.qmq.adapters.netty.client;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds the copy of a failed message that goes to the retry or dead-letter subject: same id, tags
 * and attributes, with {@code qmq_times} = the next attempt, {@code qmq_createTime} = now (brokers time
 * retries from it), {@code qmq_consumerGroupName} = the group (other groups of the subject skip it when
 * it comes back through a delay server) and the retry limit carried along.
 */
final class RetryCopy {

    /** Redelivery sooner than this is not worth a delay server. */
    static final long MIN_DELAY_MILLIS = 50;

    private RetryCopy() {
    }

    static OutboundRecord of(ReceivedMessage message, String consumerGroup, int defaultMaxRetries,
                             long now, Duration delay) {
        RetryDecision decision = RetryDecision.of(message.subject(), consumerGroup, message.attributes(), defaultMaxRetries);
        Map<String, String> attributes = new HashMap<>(message.attributes());
        attributes.put(MessageAttributes.TIMES, Integer.toString(decision.attempt()));
        attributes.put(MessageAttributes.CREATE_TIME, Long.toString(now));
        attributes.put(MessageAttributes.CONSUMER_GROUP_NAME, consumerGroup);
        attributes.putIfAbsent(MessageAttributes.MAX_RETRY_NUM, Integer.toString(defaultMaxRetries));
        attributes.remove(MessageAttributes.SCHEDULE_RECEIVE_TIME);
        long scheduledAt = 0;
        if (!decision.deadLetter() && delay.toMillis() >= MIN_DELAY_MILLIS) {
            scheduledAt = now + delay.toMillis();
            attributes.put(MessageAttributes.SCHEDULE_RECEIVE_TIME, Long.toString(scheduledAt));
        }
        return new OutboundRecord(decision.subject(), message.messageId(), message.tags(), attributes, now, scheduledAt);
    }
}

package io.qmq.adapters.netty.client;

import io.qmq.domain.cluster.ClientType;
import io.qmq.domain.message.Subject;
import io.qmq.domain.message.Tags;
import java.util.Map;
import java.util.Objects;

/**
 * A message ready to be encoded for SEND_MESSAGE: the application's message with the client's
 * attributes added, or a consumer's retry copy.
 *
 * @param scheduledAt delivery time in epoch milliseconds; 0 for an ordinary message
 */
record OutboundRecord(Subject subject, String id, Tags tags, Map<String, String> attributes,
                      long createdAt, long scheduledAt) {

    /** A schedule less than this far ahead is sent as an ordinary message (the stock client's rule). */
    static final long MIN_DELAY_MILLIS = 500;

    OutboundRecord {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(id, "message id");
        Objects.requireNonNull(tags, "tags");
        attributes = Map.copyOf(attributes);
    }

    /** Whether, at {@code now}, the message must go to a delay server with the delay flag set. */
    boolean isDelayedAt(long now) {
        return scheduledAt >= now + MIN_DELAY_MILLIS;
    }

    /** Realtime brokers (type 1) or delay servers (type 4). */
    ClientType routeTypeAt(long now) {
        return isDelayedAt(now) ? ClientType.DELAY_PRODUCER : ClientType.PRODUCER;
    }
}

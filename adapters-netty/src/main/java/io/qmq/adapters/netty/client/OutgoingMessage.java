package io.qmq.adapters.netty.client;

import io.qmq.domain.message.MessageId;
import io.qmq.domain.message.Subject;
import io.qmq.domain.message.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A message an application publishes: a subject, optional tags, string attributes (QMQ messages have no
 * separate payload) and optionally a delivery time. Attributes named {@code qmq_*} are reserved for
 * the client; {@link Builder#maxRetries(int)} is the one an application may set.
 */
public final class OutgoingMessage {

    private final Subject subject;
    private final String id;
    private final Tags tags;
    private final Map<String, String> attributes;
    private final Instant deliverAt;
    private final Duration deliverAfter;

    private OutgoingMessage(Builder builder) {
        this.subject = Subject.of(builder.subject);
        this.id = builder.id == null ? null : MessageId.of(builder.id).value();
        this.tags = Tags.of(builder.tags);
        this.attributes = Map.copyOf(builder.attributes);
        this.deliverAt = builder.deliverAt;
        this.deliverAfter = builder.deliverAfter;
    }

    public static Builder to(String subject) {
        return new Builder(subject);
    }

    public Subject subject() {
        return subject;
    }

    /** The id the application chose; the producer generates one when empty. */
    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    public Tags tags() {
        return tags;
    }

    public Map<String, String> attributes() {
        return attributes;
    }

    /** When the message should be delivered, epoch milliseconds, if the application asked for a delay. */
    OptionalLong scheduledAt(Clock clock) {
        if (deliverAt != null) {
            return OptionalLong.of(deliverAt.toEpochMilli());
        }
        return deliverAfter == null ? OptionalLong.empty() : OptionalLong.of(clock.millis() + deliverAfter.toMillis());
    }

    /** Collects a message; {@link #build()} validates subject, id and tags with the domain's rules. */
    public static final class Builder {
        private final String subject;
        private String id;
        private final Set<String> tags = new LinkedHashSet<>();
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private Instant deliverAt;
        private Duration deliverAfter;

        private Builder(String subject) {
            this.subject = Objects.requireNonNull(subject, "subject");
        }

        /** Uses this id instead of a generated one; re-sends keep it. */
        public Builder id(String messageId) {
            this.id = Objects.requireNonNull(messageId, "message id");
            return this;
        }

        public Builder tags(String... values) {
            tags.addAll(Set.of(values));
            return this;
        }

        public Builder attribute(String key, String value) {
            Objects.requireNonNull(key, "attribute key");
            Objects.requireNonNull(value, "attribute value of " + key);
            if (key.startsWith(MessageAttributes.RESERVED_PREFIX)) {
                throw new IllegalArgumentException("attribute '" + key + "' is reserved for the client");
            }
            attributes.put(key, value);
            return this;
        }

        public Builder attributes(Map<String, String> values) {
            values.forEach(this::attribute);
            return this;
        }

        /** How often consumers may retry this message before it becomes a dead letter. */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("max retries must be >= 0, got " + maxRetries);
            }
            attributes.put(MessageAttributes.MAX_RETRY_NUM, Integer.toString(maxRetries));
            return this;
        }

        /** Delivers at this time; times less than 500 ms ahead are sent as ordinary messages. */
        public Builder deliverAt(Instant time) {
            this.deliverAt = Objects.requireNonNull(time, "delivery time");
            this.deliverAfter = null;
            return this;
        }

        /** Delivers this long after the producer accepts the message. */
        public Builder deliverAfter(Duration delay) {
            this.deliverAfter = Objects.requireNonNull(delay, "delay");
            this.deliverAt = null;
            return this;
        }

        public OutgoingMessage build() {
            return new OutgoingMessage(this);
        }
    }
}

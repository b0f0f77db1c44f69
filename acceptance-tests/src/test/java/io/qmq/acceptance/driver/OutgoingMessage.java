package io.qmq.acceptance.driver;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A message as the test wants it sent.
 *
 * @param subject     the real subject
 * @param properties  string properties; the DSL puts its message key here
 * @param tags        tags the server filters on
 * @param maxAttempts how often a consumer may get it before it becomes a dead letter; 0 for the client's default
 * @param deliverAt   when a delayed message is due, or null for an ordinary one
 * @param messageId   the id to send it under, or null to let the client choose (our client only)
 */
public record OutgoingMessage(String subject, Map<String, String> properties, Set<String> tags, int maxAttempts,
                              Instant deliverAt, String messageId) {

    /** An ordinary message, delivered at once. */
    public OutgoingMessage(String subject, Map<String, String> properties, Set<String> tags, int maxAttempts) {
        this(subject, properties, tags, maxAttempts, null, null);
    }

    /** A delayed message with an id the client chooses. */
    public OutgoingMessage(String subject, Map<String, String> properties, Set<String> tags, int maxAttempts,
                           Instant deliverAt) {
        this(subject, properties, tags, maxAttempts, deliverAt, null);
    }

    public OutgoingMessage {
        Objects.requireNonNull(subject, "subject");
        properties = Map.copyOf(properties);
        tags = Set.copyOf(tags);
        if (maxAttempts < 0) {
            throw new IllegalArgumentException("max attempts must be >= 0, got " + maxAttempts);
        }
    }
}

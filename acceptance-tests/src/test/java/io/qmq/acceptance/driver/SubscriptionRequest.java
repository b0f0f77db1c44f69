package io.qmq.acceptance.driver;

import java.util.Objects;
import java.util.Set;

/**
 * What one consumer instance subscribes to.
 *
 * @param subject      the subject (a real one, or a dead-letter subject read explicitly)
 * @param group        the consumer group
 * @param consumerId   the instance's identity on the wire, unique per instance
 * @param tagMode      how {@code tags} filter
 * @param tags         the filter's tags; empty with {@link TagMode#ANY}
 * @param threads      how many messages the instance works on at once
 * @param acknowledges false for an instance that takes messages and never finishes them
 */
public record SubscriptionRequest(String subject, String group, String consumerId, TagMode tagMode,
                                  Set<String> tags, int threads, boolean acknowledges) {

    public SubscriptionRequest {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(consumerId, "consumer id");
        Objects.requireNonNull(tagMode, "tag mode");
        tags = Set.copyOf(tags);
        if (threads < 1) {
            throw new IllegalArgumentException("a consumer needs at least one thread, got " + threads);
        }
        if ((tagMode == TagMode.ANY) != tags.isEmpty()) {
            throw new IllegalArgumentException("tag mode " + tagMode + " does not fit tags " + tags);
        }
    }
}

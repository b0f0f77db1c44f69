package io.qmq.domain.consumer;

import io.qmq.domain.message.Tags;
import java.util.Objects;
import java.util.Set;

/**
 * Server-side selection of messages by tag, with QMQ's rules: no filter (or no tags listed) delivers
 * everything; an active filter never delivers an untagged message; ANY needs an overlap, ALL needs
 * every listed tag on the message.
 */
public record TagFilter(TagMatch match, Set<String> tags) {

    public static final TagFilter NONE = new TagFilter(TagMatch.NONE, Set.of());

    public TagFilter {
        Objects.requireNonNull(match, "match");
        tags = Set.copyOf(tags);
    }

    public static TagFilter any(String... tags) {
        return new TagFilter(TagMatch.ANY, Set.copyOf(java.util.Arrays.asList(tags)));
    }

    public static TagFilter all(String... tags) {
        return new TagFilter(TagMatch.ALL, Set.copyOf(java.util.Arrays.asList(tags)));
    }

    public boolean isActive() {
        return match != TagMatch.NONE && !tags.isEmpty();
    }

    public boolean accepts(Tags messageTags) {
        if (!isActive()) {
            return true;
        }
        if (messageTags.isEmpty()) {
            return false;
        }
        if (match == TagMatch.ALL) {
            return messageTags.values().containsAll(tags);
        }
        for (String tag : tags) {
            if (messageTags.contains(tag)) {
                return true;
            }
        }
        return false;
    }
}

package io.qmq.domain.message;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The labels a producer puts on a message so that consumers can filter on the server. At most
 * {@value #MAX_COUNT}, each non-empty; they compare as exact strings.
 */
public record Tags(Set<String> values) {

    public static final int MAX_COUNT = 10;
    public static final Tags NONE = new Tags(Set.of());

    public Tags {
        Objects.requireNonNull(values, "tags");
        if (values.size() > MAX_COUNT) {
            throw new InvalidMessageException("a message carries at most " + MAX_COUNT + " tags, got " + values.size());
        }
        for (String tag : values) {
            if (tag == null || tag.isEmpty()) {
                throw new InvalidMessageException("tags must be non-empty strings, got " + values);
            }
        }
        values = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(values));
    }

    public static Tags of(String... tags) {
        return of(java.util.Arrays.asList(tags));
    }

    public static Tags of(Collection<String> tags) {
        return tags.isEmpty() ? NONE : new Tags(new LinkedHashSet<>(tags));
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public boolean contains(String tag) {
        return values.contains(tag);
    }

    public int size() {
        return values.size();
    }
}

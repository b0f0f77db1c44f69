package io.qmq.adapters.sqlstore;

import io.qmq.domain.message.Tags;
import java.util.ArrayList;
import java.util.List;

/**
 * A message's tags in one text column: each tag as {@code <length>:<tag>}, one after another, the
 * length in UTF-16 chars; no tags is the empty string. Length prefixes mean a tag may hold any
 * character, separators included, without escaping.
 */
final class TagsColumn {

    private static final char LENGTH_END = ':';

    private TagsColumn() {
    }

    static String encode(Tags tags) {
        StringBuilder text = new StringBuilder();
        for (String tag : tags.values()) {
            text.append(tag.length()).append(LENGTH_END).append(tag);
        }
        return text.toString();
    }

    static Tags decode(String text) {
        List<String> tags = new ArrayList<>();
        int position = 0;
        while (position < text.length()) {
            int lengthEnd = text.indexOf(LENGTH_END, position);
            if (lengthEnd < 0) {
                throw new IllegalArgumentException("malformed tags column '" + text + "' at " + position);
            }
            int length = Integer.parseInt(text, position, lengthEnd, 10);
            position = lengthEnd + 1 + length;
            tags.add(text.substring(lengthEnd + 1, position));
        }
        return Tags.of(tags);
    }
}

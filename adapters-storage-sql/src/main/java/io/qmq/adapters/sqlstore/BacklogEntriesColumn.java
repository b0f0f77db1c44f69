package io.qmq.adapters.sqlstore;

import io.qmq.domain.cluster.BacklogReport;
import io.qmq.domain.consumer.ConsumerGroup;
import io.qmq.domain.consumer.Subscription;
import io.qmq.domain.message.Subject;
import java.util.ArrayList;
import java.util.List;

/**
 * A backlog report's entries in one text column, one line per entry:
 *
 * <pre>
 * subject TAB consumer-group TAB undelivered TAB unacknowledged LF
 * </pre>
 *
 * Counts are decimal. Subjects hold no whitespace or control character and consumer groups no control
 * character (the domain refuses both), so neither TAB nor LF needs escaping. No entries is the empty
 * string.
 */
final class BacklogEntriesColumn {

    private static final char FIELD_END = '\t';
    private static final char LINE_END = '\n';
    private static final int FIELDS = 4;

    private BacklogEntriesColumn() {
    }

    static String encode(List<BacklogReport.Entry> entries) {
        StringBuilder text = new StringBuilder();
        for (BacklogReport.Entry entry : entries) {
            text.append(entry.subscription().subject().name()).append(FIELD_END)
                    .append(entry.subscription().group().name()).append(FIELD_END)
                    .append(entry.undelivered()).append(FIELD_END)
                    .append(entry.unacknowledged()).append(LINE_END);
        }
        return text.toString();
    }

    /** Throws {@link IllegalArgumentException} for text {@link #encode} cannot have written. */
    static List<BacklogReport.Entry> decode(String text) {
        List<BacklogReport.Entry> entries = new ArrayList<>();
        int position = 0;
        while (position < text.length()) {
            int lineEnd = text.indexOf(LINE_END, position);
            if (lineEnd < 0) {
                throw new IllegalArgumentException("backlog entry without a line end at " + position);
            }
            String[] fields = text.substring(position, lineEnd).split(String.valueOf(FIELD_END), -1);
            if (fields.length != FIELDS) {
                throw new IllegalArgumentException("backlog entry at " + position + " has " + fields.length + " fields");
            }
            entries.add(new BacklogReport.Entry(new Subscription(Subject.of(fields[0]), ConsumerGroup.of(fields[1])),
                    Long.parseLong(fields[2]), Long.parseLong(fields[3])));
            position = lineEnd + 1;
        }
        return entries;
    }
}

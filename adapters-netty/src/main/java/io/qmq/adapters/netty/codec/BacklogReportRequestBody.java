package io.qmq.adapters.netty.codec;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Ours, not QMQ's: the BACKLOG_REPORT request body a broker sends its meta server after each heartbeat,
 * telling its subscriptions' backlogs. The answer is code 0 with an empty body.
 *
 * <pre>
 * groupName        str16
 * complete         i8     1: every subscription with a backlog is listed; 0: the smallest were left out
 * count            i32
 * count x {
 *   subject        str16  retry subjects are subjects of their own
 *   consumerGroup  str16
 *   undelivered    i64
 *   unacknowledged i64
 * }
 * </pre>
 *
 * A subscription without backlog is left out: in a complete report that says it has none. The body
 * stays within {@link #MAX_BYTES}, under the meta server's frame limit, by leaving out the smallest.
 */
public record BacklogReportRequestBody(String groupName, boolean complete, List<Entry> entries) {

    /** Well under the meta server's 1 MiB frame limit, header included. */
    public static final int MAX_BYTES = 960 * 1024;
    private static final int COUNT_BYTES = 4;
    private static final int FLAG_BYTES = 1;
    private static final int STR16_LENGTH_BYTES = 2;
    private static final int COUNTS_BYTES = 16;

    public BacklogReportRequestBody {
        Objects.requireNonNull(groupName, "group name");
        entries = List.copyOf(entries);
    }

    /**
     * One subscription's backlog.
     *
     * @param subject        the subject's name
     * @param consumerGroup  the consumer group's name
     * @param undelivered    messages not yet handed to any consumer of the group
     * @param unacknowledged messages handed out and not acknowledged
     */
    public record Entry(String subject, String consumerGroup, long undelivered, long unacknowledged) {

        public Entry {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(consumerGroup, "consumer group");
        }

        long total() {
            return undelivered + unacknowledged;
        }

        int encodedBytes() {
            return 2 * STR16_LENGTH_BYTES + subject.getBytes(StandardCharsets.UTF_8).length
                    + consumerGroup.getBytes(StandardCharsets.UTF_8).length + COUNTS_BYTES;
        }
    }

    /** The report of these backlogs: none of the empty ones, the largest first, as many as fit. */
    public static BacklogReportRequestBody of(String groupName, List<Entry> backlogs) {
        List<Entry> largestFirst = backlogs.stream().filter(e -> e.total() > 0)
                .sorted(Comparator.comparingLong(Entry::total).reversed()).toList();
        int bytes = STR16_LENGTH_BYTES + groupName.getBytes(StandardCharsets.UTF_8).length + FLAG_BYTES + COUNT_BYTES;
        List<Entry> kept = new ArrayList<>();
        for (Entry entry : largestFirst) {
            bytes += entry.encodedBytes();
            if (bytes > MAX_BYTES) {
                break;
            }
            kept.add(entry);
        }
        return new BacklogReportRequestBody(groupName, kept.size() == largestFirst.size(), kept);
    }

    public static BacklogReportRequestBody decode(ByteBuf body) {
        BodyReader r = new BodyReader(body, "backlog report");
        String groupName = r.str16("group name");
        boolean complete = r.i8("complete") != 0;
        int count = r.i32("entry count");
        if (count < 0) {
            throw r.malformed("negative entry count " + count);
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(new Entry(r.str16("subject"), r.str16("consumer group"), r.i64("undelivered"),
                    r.i64("unacknowledged")));
        }
        return new BacklogReportRequestBody(groupName, complete, entries);
    }

    public void encode(ByteBuf out) {
        BodyWriter.str16(out, groupName);
        out.writeByte(complete ? 1 : 0);
        out.writeInt(entries.size());
        for (Entry entry : entries) {
            BodyWriter.str16(out, entry.subject());
            BodyWriter.str16(out, entry.consumerGroup());
            out.writeLong(entry.undelivered());
            out.writeLong(entry.unacknowledged());
        }
    }
}

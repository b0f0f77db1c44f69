package io.qmq.adapters.netty.codec;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * The PULL_MESSAGE (11) request body.
 *
 * <pre>
 * subject          str16
 * group            str16
 * consumerId       str16
 * requestNum       i32
 * offset           i64   always -1 from the 1.1.43 client; unused
 * pullOffsetBegin  i64
 * pullOffsetLast   i64
 * timeoutMillis    i64   long-poll time; &lt;= 0 answers at once
 * isBroadcast      i8
 * version >= 9:    filterCount i32, filterCount x {@link PullFilter}
 * version 8:       one TAG filter body without type (tagType i16, tagCount i8, tags)
 * version &lt; 8:     nothing more
 * </pre>
 *
 * Bytes after the layout are ignored, for senders newer than this decoder.
 */
public record PullRequestBody(String subject, String group, String consumerId, int requestNum, long offset,
                              long pullOffsetBegin, long pullOffsetLast, long timeoutMillis, boolean broadcast,
                              List<PullFilter> filters) {

    /** The first version whose requests carry a counted filter list. */
    public static final int FILTER_LIST_VERSION = 9;
    /** The first version whose requests carry a single tag filter. */
    public static final int TAG_FILTER_VERSION = 8;

    public PullRequestBody {
        filters = List.copyOf(filters);
    }

    public static PullRequestBody decode(ByteBuf body, int version) {
        BodyReader r = new BodyReader(body, "pull request");
        String subject = r.str16("subject");
        String group = r.str16("group");
        String consumerId = r.str16("consumerId");
        int requestNum = r.i32("requestNum");
        long offset = r.i64("offset");
        long begin = r.i64("pullOffsetBegin");
        long last = r.i64("pullOffsetLast");
        long timeoutMillis = r.i64("timeoutMillis");
        boolean broadcast = r.i8("isBroadcast") != 0;
        return new PullRequestBody(subject, group, consumerId, requestNum, offset, begin, last, timeoutMillis,
                broadcast, decodeFilters(r, version));
    }

    private static List<PullFilter> decodeFilters(BodyReader r, int version) {
        if (version < TAG_FILTER_VERSION) {
            return List.of();
        }
        if (version == TAG_FILTER_VERSION) {
            return List.of(PullFilter.ByTags.decodeBody(r));
        }
        int count = r.i32("filterCount");
        if (count < 0) {
            throw r.malformed("negative filter count " + count);
        }
        List<PullFilter> filters = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            filters.add(PullFilter.decode(r));
        }
        return filters;
    }

    /** Writes the version-9 layout. */
    public void encode(ByteBuf out) {
        BodyWriter.str16(out, subject);
        BodyWriter.str16(out, group);
        BodyWriter.str16(out, consumerId);
        out.writeInt(requestNum);
        out.writeLong(offset);
        out.writeLong(pullOffsetBegin);
        out.writeLong(pullOffsetLast);
        out.writeLong(timeoutMillis);
        out.writeByte(broadcast ? 1 : 0);
        out.writeInt(filters.size());
        filters.forEach(filter -> filter.encode(out));
    }
}

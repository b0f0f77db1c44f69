package io.qmq.adapters.netty.codec;

import io.qmq.domain.message.MessageFlags;
import java.util.ArrayList;
import java.util.List;

/**
 * Fields 2 to 8 of a message record (everything before the attributes), read once for both the
 * broker's and the client's decoding. Tags are read whatever their count, so that a record with too
 * many can still be skipped and refused on its own.
 */
record RecordHead(byte flag, long createdTime, long time2, String subject, String messageId, List<String> tags) {

    static RecordHead read(BodyReader r) {
        byte flag = r.i8("flag");
        long createdTime = r.i64("createdTime");
        long time2 = r.i64("time2");
        String subject = r.str16("subject");
        String messageId = r.str16("messageId");
        return new RecordHead(flag, createdTime, time2, subject, messageId, readTags(r, flag));
    }

    private static List<String> readTags(BodyReader r, byte flag) {
        if ((flag & MessageFlags.TAGS) == 0) {
            return List.of();
        }
        byte count = r.i8("tagCount");
        if (count < 0) {
            throw r.malformed("negative tag count " + count);
        }
        List<String> tags = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tags.add(r.str16("tag"));
        }
        return tags;
    }
}

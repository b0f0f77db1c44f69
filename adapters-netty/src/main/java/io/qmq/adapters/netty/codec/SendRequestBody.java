package io.qmq.adapters.netty.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.qmq.adapters.netty.codec.IncomingRecord.Accepted;
import io.qmq.adapters.netty.codec.IncomingRecord.Refusal;
import io.qmq.adapters.netty.codec.IncomingRecord.Refused;
import io.qmq.domain.message.InvalidMessageException;
import io.qmq.domain.message.InvalidSubjectException;
import io.qmq.domain.message.Message;
import io.qmq.domain.message.MessageFlags;
import io.qmq.domain.message.MessageId;
import io.qmq.domain.message.Subject;
import io.qmq.domain.message.Tags;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The SEND_MESSAGE (10) request body: message records with their crc ({@link MessageRecord}), back to
 * back until the body ends, with no count.
 *
 * <p>The broker keeps fields 2..10 of each record byte for byte as {@link Message#encoded()}. A body
 * that does not walk cleanly to its end is malformed as a whole and nothing of it may be stored; a
 * record that walks cleanly but fails its crc or a domain rule is refused on its own.
 */
public final class SendRequestBody {

    private static final byte[] SCHEDULE_KEY = MessageRecord.SCHEDULE_ATTRIBUTE.getBytes(StandardCharsets.UTF_8);

    private SendRequestBody() {
    }

    /** Decodes every record; throws {@link MalformedBodyException} if any record is not well framed. */
    public static List<IncomingRecord> decode(ByteBuf body) {
        BodyReader r = new BodyReader(body, "send request");
        List<IncomingRecord> records = new ArrayList<>();
        while (r.hasRemaining()) {
            records.add(decodeRecord(r));
        }
        return records;
    }

    /** Writes records as a producer sends them. */
    public static void encode(ByteBuf out, List<MessageRecord> records) {
        records.forEach(record -> record.encodeWithCrc(out));
    }

    /** Writes one record kept as a broker stores it (fields 2..10), behind its recomputed crc. */
    public static void encodeStored(ByteBuf out, byte[] stored) {
        out.writeLong(crc32(stored));
        out.writeBytes(stored);
    }

    private static IncomingRecord decodeRecord(BodyReader r) {
        long crc = r.i64("crc");
        int start = r.position();
        RecordHead head = RecordHead.read(r);
        BodyReader attributes = r.slice(r.i32("attrsLength"), "attributes");
        long scheduleAttribute = scanScheduleAttribute(attributes);
        byte[] encoded = ByteBufUtil.getBytes(r.buffer(), start, r.position() - start);
        if (crc != crc32(encoded)) {
            return new Refused(head.messageId(), Refusal.CORRUPT, "crc mismatch");
        }
        long scheduledAt = (head.flag() & MessageFlags.DELAY) != 0 ? head.time2() : Math.max(scheduleAttribute, 0);
        return toMessage(head, scheduledAt, encoded);
    }

    private static IncomingRecord toMessage(RecordHead head, long scheduledAt, byte[] encoded) {
        try {
            Message message = new Message(Subject.of(head.subject()), MessageId.of(head.messageId()),
                    Tags.of(head.tags()), new MessageFlags(head.flag()), head.createdTime(), scheduledAt, encoded);
            return new Accepted(message);
        } catch (InvalidSubjectException e) {
            return new Refused(head.messageId(), Refusal.INVALID_SUBJECT, e.getMessage());
        } catch (InvalidMessageException e) {
            return new Refused(head.messageId(), Refusal.INVALID_MESSAGE, e.getMessage());
        }
    }

    /**
     * Walks the attribute pairs, checking every length, and returns the schedule attribute's value, or
     * 0 when it is absent or not a number. Only that key is decoded; the rest is skipped.
     */
    private static long scanScheduleAttribute(BodyReader attrs) {
        long scheduled = 0;
        while (attrs.hasRemaining()) {
            int keyLength = attrs.str16Length("attribute key");
            boolean isSchedule = keyLength == SCHEDULE_KEY.length && keyEquals(attrs.buffer(), attrs.position());
            attrs.skip(keyLength, "attribute key");
            if (isSchedule) {
                scheduled = parseOrZero(attrs.str16("attribute value"));
            } else {
                attrs.skip(attrs.str16Length("attribute value"), "attribute value");
            }
        }
        return scheduled;
    }

    private static boolean keyEquals(ByteBuf buf, int index) {
        for (int i = 0; i < SCHEDULE_KEY.length; i++) {
            if (buf.getByte(index + i) != SCHEDULE_KEY[i]) {
                return false;
            }
        }
        return true;
    }

    private static long parseOrZero(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static long crc32(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }
}

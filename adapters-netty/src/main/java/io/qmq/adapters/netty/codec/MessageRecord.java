package io.qmq.adapters.netty.codec;

import io.netty.buffer.ByteBuf;
import io.qmq.domain.message.MessageFlags;
import io.qmq.domain.message.Tags;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * A message record with its attributes decoded: what a client builds and reads.
 *
 * <pre>
 * #   field        type                     note
 * 1   crc          i64                      only on the way in (SEND); upper 32 bits zero, lower 32 =
 *                                           CRC-32 of fields 2..10
 * 2   flag         i8                       bit 0 low reliability, bit 1 delay, bit 2 tags present
 * 3   createdTime  i64
 * 4   time2        i64                      due time if delayed, else the encoding time
 * 5   subject      str16
 * 6   messageId    str16
 * 7   tagCount     i8                       only if flag bit 2; 1..10
 * 8   tags         tagCount x str16
 * 9   attrsLength  i32                      byte length of field 10
 * 10  attributes   (str16 key, str16 value)* filling attrsLength exactly
 * </pre>
 *
 * The stored record (what pulls return) is fields 2..10. Attribute order is kept as given.
 */
public record MessageRecord(byte flag, long createdTime, long time2, String subject, String messageId,
                            List<String> tags, Map<String, String> attributes) {

    public static final int CRC_BYTES = Long.BYTES;
    public static final String SCHEDULE_ATTRIBUTE = "qmq_scheduleReceiveTime";

    public MessageRecord {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(messageId, "messageId");
        tags = List.copyOf(tags);
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** Decodes one stored record (fields 2..10), as a pull response carries it. */
    public static MessageRecord decode(BodyReader r) {
        RecordHead head = RecordHead.read(r);
        if (head.tags().size() > Tags.MAX_COUNT) {
            throw r.malformed("message " + head.messageId() + " has " + head.tags().size() + " tags");
        }
        int attrsLength = r.i32("attrsLength");
        BodyReader attrs = r.slice(attrsLength, "attributes");
        Map<String, String> attributes = new LinkedHashMap<>();
        while (attrs.hasRemaining()) {
            attributes.put(attrs.str16("attribute key"), attrs.str16("attribute value"));
        }
        return new MessageRecord(head.flag(), head.createdTime(), head.time2(), head.subject(), head.messageId(),
                head.tags(), attributes);
    }

    /** Writes fields 2..10. The tags bit of the flag follows whether there are tags. */
    public void encode(ByteBuf out) {
        byte bits = (byte) (tags.isEmpty() ? flag & ~MessageFlags.TAGS : flag | MessageFlags.TAGS);
        out.writeByte(bits);
        out.writeLong(createdTime);
        out.writeLong(time2);
        BodyWriter.str16(out, subject);
        BodyWriter.str16(out, messageId);
        if (!tags.isEmpty()) {
            out.writeByte(tags.size());
            tags.forEach(tag -> BodyWriter.str16(out, tag));
        }
        int lengthIndex = out.writerIndex();
        out.writeInt(0);
        attributes.forEach((key, value) -> {
            BodyWriter.str16(out, key);
            BodyWriter.str16(out, value);
        });
        out.setInt(lengthIndex, out.writerIndex() - lengthIndex - Integer.BYTES);
    }

    /** Writes the record as a producer sends it: crc, then fields 2..10. */
    public void encodeWithCrc(ByteBuf out) {
        int crcIndex = out.writerIndex();
        out.writeLong(0);
        encode(out);
        int start = crcIndex + CRC_BYTES;
        out.setLong(crcIndex, crc32(out, start, out.writerIndex() - start));
    }

    /** CRC-32 (zlib's) of {@code length} bytes of {@code buf} from {@code index}, without copying. */
    public static long crc32(ByteBuf buf, int index, int length) {
        CRC32 crc = new CRC32();
        crc.update(buf.nioBuffer(index, length));
        return crc.getValue();
    }

    public boolean isDelayed() {
        return (flag & MessageFlags.DELAY) != 0;
    }
}

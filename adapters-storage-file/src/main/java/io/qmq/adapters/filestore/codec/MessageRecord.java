package io.qmq.adapters.filestore.codec;

import io.qmq.domain.message.Message;
import io.qmq.domain.message.MessageFlags;
import io.qmq.domain.message.MessageId;
import io.qmq.domain.message.StoredMessage;
import io.qmq.domain.message.Subject;
import io.qmq.domain.message.Tags;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of a message-log record (inside a {@link io.qmq.adapters.filestore.segment.RecordFrame}),
 * enough to rebuild the {@link StoredMessage} exactly. Big-endian:
 *
 * <pre>
 * offset  width  field
 * 0       1      format version ({@value #VERSION})
 * 1       1      the message's flag byte
 * 2       8      subject sequence
 * 10      8      append time, epoch ms
 * 18      8      createdAt, epoch ms
 * 26      8      scheduledAt, epoch ms (0 for an ordinary message)
 * 34      2      subject length s (UTF-8 bytes)
 * 36      2      message id length i
 * 38      1      tag count t
 * 39      4      encoded length e
 * 43      s      subject
 * 43+s    i      message id
 * ...     t x    (2-byte length, UTF-8 tag)
 * ...     e      the producer's encoded record
 * </pre>
 */
public final class MessageRecord {

    public static final byte VERSION = 1;
    public static final int VERSION_OFFSET = 0;
    public static final int FLAGS_OFFSET = 1;
    public static final int SEQUENCE_OFFSET = 2;
    public static final int APPENDED_AT_OFFSET = 10;
    public static final int CREATED_AT_OFFSET = 18;
    public static final int SCHEDULED_AT_OFFSET = 26;
    public static final int SUBJECT_LENGTH_OFFSET = 34;
    public static final int ID_LENGTH_OFFSET = 36;
    public static final int TAG_COUNT_OFFSET = 38;
    public static final int ENCODED_LENGTH_OFFSET = 39;
    public static final int FIXED_BYTES = 43;
    private static final int TAG_LENGTH_BYTES = 2;
    private static final int MAX_STRING_BYTES = 0xFFFF;

    private MessageRecord() {
    }

    /** The body size of the message's record. */
    public static int bodyBytes(byte[] subject, Message message) {
        int bytes = FIXED_BYTES + subject.length + utf8Length(message.id().value()) + message.size();
        for (String tag : message.tags().values()) {
            bytes += TAG_LENGTH_BYTES + utf8Length(tag);
        }
        return bytes;
    }

    /** Writes the body at the buffer's position and advances it. */
    public static void write(ByteBuffer buffer, byte[] subject, long sequence, long appendedAt, Message message) {
        byte[] id = message.id().value().getBytes(StandardCharsets.UTF_8);
        buffer.put(VERSION).put(message.flags().bits()).putLong(sequence).putLong(appendedAt)
                .putLong(message.createdAt()).putLong(message.scheduledAt())
                .putShort((short) subject.length).putShort((short) id.length)
                .put((byte) message.tags().size()).putInt(message.size());
        buffer.put(subject).put(id);
        for (String tag : message.tags().values()) {
            byte[] bytes = tag.getBytes(StandardCharsets.UTF_8);
            buffer.putShort((short) bytes.length).put(bytes);
        }
        buffer.put(message.encoded());
    }

    public static long sequence(ByteBuffer body) {
        return body.getLong(body.position() + SEQUENCE_OFFSET);
    }

    public static String subjectName(ByteBuffer body) {
        int length = Short.toUnsignedInt(body.getShort(body.position() + SUBJECT_LENGTH_OFFSET));
        return string(body, body.position() + FIXED_BYTES, length);
    }

    /** Rebuilds the stored message from a body (position to limit), filed under {@code subject}. */
    public static StoredMessage read(ByteBuffer body, Subject subject) {
        int at = body.position();
        if (body.get(at + VERSION_OFFSET) != VERSION) {
            throw new IllegalStateException("unknown message record version " + body.get(at + VERSION_OFFSET));
        }
        int subjectLength = Short.toUnsignedInt(body.getShort(at + SUBJECT_LENGTH_OFFSET));
        int idLength = Short.toUnsignedInt(body.getShort(at + ID_LENGTH_OFFSET));
        int tagCount = Byte.toUnsignedInt(body.get(at + TAG_COUNT_OFFSET));
        int cursor = at + FIXED_BYTES + subjectLength;
        MessageId id = MessageId.of(string(body, cursor, idLength));
        cursor += idLength;
        List<String> tags = new ArrayList<>(tagCount);
        for (int i = 0; i < tagCount; i++) {
            int length = Short.toUnsignedInt(body.getShort(cursor));
            tags.add(string(body, cursor + TAG_LENGTH_BYTES, length));
            cursor += TAG_LENGTH_BYTES + length;
        }
        byte[] encoded = new byte[body.getInt(at + ENCODED_LENGTH_OFFSET)];
        body.get(cursor, encoded);
        Message message = new Message(subject, id, Tags.of(tags), new MessageFlags(body.get(at + FLAGS_OFFSET)),
                body.getLong(at + CREATED_AT_OFFSET), body.getLong(at + SCHEDULED_AT_OFFSET), encoded);
        return new StoredMessage(body.getLong(at + SEQUENCE_OFFSET), body.getLong(at + APPENDED_AT_OFFSET), message);
    }

    private static String string(ByteBuffer body, int at, int length) {
        byte[] bytes = new byte[length];
        body.get(at, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static int utf8Length(String value) {
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_STRING_BYTES) {
            throw new IllegalArgumentException("a message id or tag of " + bytes + " bytes does not fit a record");
        }
        return bytes;
    }
}

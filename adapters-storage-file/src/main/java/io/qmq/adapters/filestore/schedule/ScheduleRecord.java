package io.qmq.adapters.filestore.schedule;

import io.qmq.domain.delay.DueMessage;
import io.qmq.domain.delay.ScheduledMessage;
import io.qmq.domain.message.Message;
import io.qmq.domain.message.MessageFlags;
import io.qmq.domain.message.MessageId;
import io.qmq.domain.message.Subject;
import io.qmq.domain.message.Tags;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * One scheduled message in the schedule log, holding every field of the message so that it can be
 * forwarded unchanged and shown to operators.
 *
 * <pre>
 * offset  width  field
 * 0       4      record length n, header included ({@value #HEADER_BYTES} .. {@value #MAX_RECORD_BYTES})
 * 4       4      CRC32C over bytes [0, 4) and [8, n)
 * 8       8      schedule id
 * 16      8      due time, epoch ms
 * 24      8      created-at, epoch ms
 * 32      8      scheduled-at as the producer sent it, epoch ms
 * 40      1      flag byte
 * 41      2+s    subject, UTF-8 with its length
 * ..      2+i    message id, UTF-8 with its length
 * ..      1      tag count t, then t times 2+g: each tag, UTF-8 with its length
 * ..      4+e    the producer's encoded record with its length
 * </pre>
 *
 * Numbers are big-endian. The checksum covers the length, so a damaged length is caught; a zero-filled
 * tail fails because no record is shorter than its header.
 */
final class ScheduleRecord {

    static final int LENGTH_OFFSET = 0;
    static final int CRC_OFFSET = 4;
    static final int ID_OFFSET = 8;
    static final int DUE_OFFSET = 16;
    static final int CREATED_OFFSET = 24;
    static final int SCHEDULED_OFFSET = 32;
    static final int FLAGS_OFFSET = 40;
    static final int VARIABLE_OFFSET = 41;
    static final int HEADER_BYTES = VARIABLE_OFFSET;
    /** Larger than any message the broker accepts with its names: a larger length is damage. */
    static final int MAX_RECORD_BYTES = 64 * 1024 * 1024;

    private ScheduleRecord() {
    }

    /** The bytes the record of this message will take. */
    static int size(DueMessage due) {
        Message m = due.message();
        int size = HEADER_BYTES + Short.BYTES + utf8(m.subject().name()).length + Short.BYTES + utf8(m.id().value()).length + 1;
        for (String tag : m.tags().values()) {
            size += Short.BYTES + utf8(tag).length;
        }
        return size + Integer.BYTES + m.encoded().length;
    }

    /** Writes the record at the buffer's position and advances it. */
    static void write(ByteBuffer buffer, long scheduleId, DueMessage due) {
        Message m = due.message();
        int start = buffer.position();
        buffer.putInt(0).putInt(0).putLong(scheduleId).putLong(due.dueAt()).putLong(m.createdAt())
                .putLong(m.scheduledAt()).put(m.flags().bits());
        putString(buffer, m.subject().name());
        putString(buffer, m.id().value());
        buffer.put((byte) m.tags().size());
        m.tags().values().forEach(tag -> putString(buffer, tag));
        buffer.putInt(m.encoded().length).put(m.encoded());
        int length = buffer.position() - start;
        buffer.putInt(start + LENGTH_OFFSET, length);
        buffer.putInt(start + CRC_OFFSET, checksum(buffer, start, length));
    }

    static boolean isPlausibleLength(int length) {
        return length >= HEADER_BYTES && length <= MAX_RECORD_BYTES;
    }

    /** Whether the record starting at {@code start}, wholly inside the buffer's limit, is intact. */
    static boolean isIntact(ByteBuffer buffer, int start) {
        if (buffer.limit() - start < HEADER_BYTES) {
            return false;
        }
        int length = buffer.getInt(start + LENGTH_OFFSET);
        return isPlausibleLength(length) && start + length <= buffer.limit()
                && buffer.getInt(start + CRC_OFFSET) == checksum(buffer, start, length);
    }

    static long scheduleId(ByteBuffer buffer, int start) {
        return buffer.getLong(start + ID_OFFSET);
    }

    static long dueAt(ByteBuffer buffer, int start) {
        return buffer.getLong(start + DUE_OFFSET);
    }

    /** Decodes an intact record starting at {@code start}. */
    static ScheduledMessage read(ByteBuffer buffer, int start) {
        ByteBuffer in = buffer.duplicate().position(start + VARIABLE_OFFSET);
        Subject subject = Subject.of(getString(in));
        MessageId id = MessageId.of(getString(in));
        int tagCount = Byte.toUnsignedInt(in.get());
        List<String> tags = new ArrayList<>(tagCount);
        for (int i = 0; i < tagCount; i++) {
            tags.add(getString(in));
        }
        byte[] encoded = new byte[in.getInt()];
        in.get(encoded);
        Message message = new Message(subject, id, Tags.of(tags), new MessageFlags(buffer.get(start + FLAGS_OFFSET)),
                buffer.getLong(start + CREATED_OFFSET), buffer.getLong(start + SCHEDULED_OFFSET), encoded);
        return new ScheduledMessage(scheduleId(buffer, start), dueAt(buffer, start), message);
    }

    /** The intact record at the position, or null if it is damaged or the channel was closed meanwhile. */
    static ByteBuffer readFrom(FileChannel channel, long position) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(Integer.BYTES);
        if (!readFully(channel, header, position) || !isPlausibleLength(header.getInt(0))) {
            return null;
        }
        ByteBuffer record = ByteBuffer.allocate(header.getInt(0));
        if (!readFully(channel, record, position)) {
            return null;
        }
        return isIntact(record.flip(), 0) ? record : null;
    }

    /** False if the channel was closed: its segment was deleted, since nothing in it is pending. */
    private static boolean readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        try {
            while (buffer.hasRemaining() && channel.read(buffer, position + buffer.position()) > 0) {
                // positional reads may return short counts
            }
            return !buffer.hasRemaining();
        } catch (ClosedChannelException e) {
            return false;
        }
    }

    static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static void putString(ByteBuffer buffer, String value) {
        byte[] bytes = utf8(value);
        buffer.putShort((short) bytes.length).put(bytes);
    }

    private static String getString(ByteBuffer in) {
        byte[] bytes = new byte[Short.toUnsignedInt(in.getShort())];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static int checksum(ByteBuffer buffer, int start, int length) {
        CRC32C crc = new CRC32C();
        crc.update(buffer.duplicate().limit(start + CRC_OFFSET).position(start + LENGTH_OFFSET));
        crc.update(buffer.duplicate().limit(start + length).position(start + ID_OFFSET));
        return (int) crc.getValue();
    }
}

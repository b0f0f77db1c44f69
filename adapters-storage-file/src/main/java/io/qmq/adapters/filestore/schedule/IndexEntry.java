package io.qmq.adapters.filestore.schedule;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * One scheduled message in its schedule segment's index file: enough to fire it and find it again,
 * plus hashes that let operator queries skip messages without reading the schedule log.
 *
 * <pre>
 * offset  width  field
 * 0       8      due time, epoch ms
 * 8       8      schedule id
 * 16      8      location of the record in the schedule log
 * 24      8      hash of the subject name ({@link NameHash})
 * 32      4      hash of the message id, folded to 32 bits
 * 36      4      CRC32C over bytes [0, 36)
 * </pre>
 *
 * Entries have a fixed size, so one damaged entry (a torn write on power loss) is skipped on its own
 * without losing those after it.
 */
record IndexEntry(long dueAt, long scheduleId, long location, long subjectHash, int idHash) {

    static final int DUE_OFFSET = 0;
    static final int ID_OFFSET = 8;
    static final int LOCATION_OFFSET = 16;
    static final int SUBJECT_HASH_OFFSET = 24;
    static final int ID_HASH_OFFSET = 32;
    static final int CRC_OFFSET = 36;
    static final int BYTES = 40;

    void write(ByteBuffer buffer) {
        int start = buffer.position();
        buffer.putLong(dueAt).putLong(scheduleId).putLong(location).putLong(subjectHash).putInt(idHash);
        buffer.putInt(checksum(buffer, start));
    }

    /** The entry at {@code start}, or null if its checksum does not match. */
    static IndexEntry readAt(ByteBuffer buffer, int start) {
        if (buffer.getInt(start + CRC_OFFSET) != checksum(buffer, start)) {
            return null;
        }
        return new IndexEntry(buffer.getLong(start + DUE_OFFSET), buffer.getLong(start + ID_OFFSET),
                buffer.getLong(start + LOCATION_OFFSET), buffer.getLong(start + SUBJECT_HASH_OFFSET),
                buffer.getInt(start + ID_HASH_OFFSET));
    }

    private static int checksum(ByteBuffer buffer, int start) {
        CRC32C crc = new CRC32C();
        crc.update(buffer.duplicate().limit(start + CRC_OFFSET).position(start));
        return (int) crc.getValue();
    }
}

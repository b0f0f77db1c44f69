package io.qmq.adapters.filestore.schedule;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds where the intact records of a schedule-log segment end and cuts the file there.
 *
 * <p>Recovery rule: the first record that is incomplete, states an impossible length or fails its
 * checksum ends the segment; nothing after it is served, since a record's length is the only way to
 * find the next one. The segment is read in chunks so that scanning costs no memory per record.
 */
final class LogRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(LogRecovery.class);
    private static final int CHUNK_BYTES = 4 << 20;

    private LogRecovery() {
    }

    /** Cuts the segment after its last intact record; answers that record's schedule id, or -1. */
    static long cutTornTail(Path segment) throws IOException {
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            long[] lastId = {-1};
            long end = intactEnd(channel, size, lastId);
            if (end < size) {
                LOG.warn("Cutting schedule log segment {} at {} of {} bytes: the rest is torn or damaged", segment, end, size);
                channel.truncate(end);
                channel.force(true);
            }
            return lastId[0];
        }
    }

    private static long intactEnd(FileChannel channel, long size, long[] lastId) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES);
        long position = 0;
        while (position < size) {
            ByteBuffer buffer = fill(channel, chunk, position, size);
            int consumed = intactPrefix(buffer, lastId);
            if (consumed == 0) {
                int length = buffer.remaining() >= Integer.BYTES ? buffer.getInt(0) : 0;
                if (!ScheduleRecord.isPlausibleLength(length) || length <= buffer.limit() || position + length > size) {
                    return position;
                }
                ByteBuffer whole = fill(channel, ByteBuffer.allocate(length), position, position + length);
                if (!ScheduleRecord.isIntact(whole, 0)) {
                    return position;
                }
                lastId[0] = ScheduleRecord.scheduleId(whole, 0);
                consumed = length;
            }
            position += consumed;
        }
        return position;
    }

    /** The bytes of the intact records at the start of the buffer; records cut off by its end are left. */
    private static int intactPrefix(ByteBuffer buffer, long[] lastId) {
        int at = 0;
        while (buffer.limit() - at >= ScheduleRecord.HEADER_BYTES) {
            int length = buffer.getInt(at);
            if (!ScheduleRecord.isPlausibleLength(length) || at + length > buffer.limit()
                    || !ScheduleRecord.isIntact(buffer, at)) {
                break;
            }
            lastId[0] = ScheduleRecord.scheduleId(buffer, at);
            at += length;
        }
        return at;
    }

    private static ByteBuffer fill(FileChannel channel, ByteBuffer buffer, long position, long size) throws IOException {
        buffer.clear();
        buffer.limit((int) Math.min(buffer.capacity(), size - position));
        while (buffer.hasRemaining() && channel.read(buffer, position + buffer.position()) > 0) {
            // positional reads may return short counts
        }
        return buffer.flip();
    }
}

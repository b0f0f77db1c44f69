package io.qmq.adapters.filestore.schedule;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * The dispatch record of one schedule segment: which of its messages were forwarded or cancelled,
 * appended (and forced, under the sync policy) before {@code markForwarded} or {@code cancel} returns.
 *
 * <pre>
 * offset  width  field
 * 0       8      schedule id
 * 8       4      outcome: 1 forwarded, 2 cancelled
 * 12      4      CRC32C over bytes [0, 12)
 * </pre>
 *
 * Recovery rule: a record that fails its checksum is ignored on its own (its message stays pending,
 * which errs towards delivering rather than losing), and a partial record at the end is cut before
 * the first new append, so that appends always start on a record boundary.
 */
final class SettleFile {

    static final int FORWARDED = 1;
    static final int CANCELLED = 2;
    private static final int ID_OFFSET = 0;
    private static final int OUTCOME_OFFSET = 8;
    private static final int CRC_OFFSET = 12;
    static final int BYTES = 16;

    private SettleFile() {
    }

    /** The ids recorded in the file; none if it does not exist. */
    static SettledIds load(Path file) throws IOException {
        SettledIds ids = new SettledIds();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return ids;
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        for (int at = 0; at + BYTES <= bytes.length; at += BYTES) {
            if (buffer.getInt(at + CRC_OFFSET) == checksum(buffer, at)) {
                ids.add(buffer.getLong(at + ID_OFFSET));
            }
        }
        return ids;
    }

    /** Opens the file for appending, cutting a partial record left by a crash. */
    static FileChannel openForAppend(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        long whole = channel.size() - channel.size() % BYTES;
        if (whole < channel.size()) {
            channel.truncate(whole);
        }
        channel.position(whole);
        return channel;
    }

    static void append(FileChannel channel, long scheduleId, int outcome) throws IOException {
        ByteBuffer record = ByteBuffer.allocate(BYTES).putLong(ID_OFFSET, scheduleId).putInt(OUTCOME_OFFSET, outcome);
        record.putInt(CRC_OFFSET, checksum(record, 0));
        while (record.hasRemaining()) {
            channel.write(record);
        }
    }

    private static int checksum(ByteBuffer buffer, int start) {
        CRC32C crc = new CRC32C();
        crc.update(buffer.duplicate().limit(start + CRC_OFFSET).position(start));
        return (int) crc.getValue();
    }
}

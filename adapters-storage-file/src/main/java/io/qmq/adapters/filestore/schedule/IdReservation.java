package io.qmq.adapters.filestore.schedule;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Hands out schedule ids and makes sure none is handed out twice, even across crashes: before ids
 * from a new block are used, the end of the block is recorded durably, and every opening starts
 * after the recorded end. Ids therefore leave a gap after each restart, and an index entry or
 * cancellation written just before a crash can never be mistaken for a later message.
 *
 * <p>File {@code schedule-ids}: the reserved end (8 bytes) and a CRC32C of it (4 bytes), replaced
 * atomically by writing a temporary file, forcing it, and renaming it over the old one.
 *
 * <p>Thread ownership: the writer thread.
 */
final class IdReservation {

    static final String FILE = "schedule-ids";
    private static final String TEMPORARY = "schedule-ids.tmp";
    private static final long BLOCK = 1 << 20;
    private static final int END_OFFSET = 0;
    private static final int CRC_OFFSET = 8;
    private static final int BYTES = 12;

    private final Path dir;
    private long next;
    private long reservedEnd;

    private IdReservation(Path dir, long next) {
        this.dir = dir;
        this.next = next;
        this.reservedEnd = next;
    }

    /** Starts after both the recorded reservation and the newest id found in the log. */
    static IdReservation open(Path dir, long lastLoggedId) throws IOException {
        Path file = dir.resolve(FILE);
        long recorded = 0;
        if (Files.exists(file)) {
            ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
            if (bytes.limit() != BYTES || bytes.getInt(CRC_OFFSET) != checksum(bytes)) {
                throw new IOException("schedule id reservation " + file + " is damaged; refusing to reuse ids");
            }
            recorded = bytes.getLong(END_OFFSET);
        }
        return new IdReservation(dir, Math.max(recorded, lastLoggedId + 1));
    }

    long next() throws IOException {
        if (next >= reservedEnd) {
            record(next + BLOCK);
        }
        return next++;
    }

    private void record(long end) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(BYTES).putLong(END_OFFSET, end);
        bytes.putInt(CRC_OFFSET, checksum(bytes));
        Path temporary = dir.resolve(TEMPORARY);
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(bytes);
            channel.force(true);
        }
        Files.move(temporary, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Directories.force(dir);
        reservedEnd = end;
    }

    private static int checksum(ByteBuffer bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes.duplicate().limit(CRC_OFFSET).position(END_OFFSET));
        return (int) crc.getValue();
    }
}

package io.qmq.adapters.filestore.schedule;

import io.qmq.domain.delay.InDoubtDispatch;
import io.qmq.domain.delay.ScheduleEntry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * The format of the dispatch journal ({@link DispatchJournal}): one record per forward batch, naming
 * the entries whose forward began and when.
 *
 * <pre>
 * offset       width   field
 * 0            4       entry count n (1 to {@value #MAX_ENTRIES})
 * 4            8       dispatched at, epoch ms
 * 12           24 * n  entries: schedule id (8), due time (8), location in the schedule log (8)
 * 12 + 24 * n  4       CRC32C over bytes [0, 12 + 24 * n)
 * </pre>
 *
 * Recovery rule: records are read in order until one is incomplete, states an impossible count or
 * fails its checksum; the rest of the file is ignored. Each record is handed to the operating system
 * whole before the forward begins, so a process crash never tears one. A power loss can tear or drop
 * the unforced tail, though a broker (usually another machine) may already store the forwards it
 * names: those messages are forwarded again after the restart.
 */
final class DispatchFile {

    static final int MAX_ENTRIES = 4096;
    private static final int COUNT_OFFSET = 0;
    private static final int TIME_OFFSET = 4;
    private static final int ENTRIES_OFFSET = 12;
    private static final int ENTRY_BYTES = 24;
    private static final int CRC_BYTES = 4;

    private DispatchFile() {
    }

    /** The record of up to {@value #MAX_ENTRIES} entries dispatched at {@code atMillis}, ready to write. */
    static ByteBuffer record(List<ScheduleEntry> entries, long atMillis) {
        if (entries.isEmpty() || entries.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("a dispatch record holds 1 to " + MAX_ENTRIES + " entries, got " + entries.size());
        }
        ByteBuffer record = ByteBuffer.allocate(ENTRIES_OFFSET + entries.size() * ENTRY_BYTES + CRC_BYTES);
        record.putInt(COUNT_OFFSET, entries.size()).putLong(TIME_OFFSET, atMillis).position(ENTRIES_OFFSET);
        for (ScheduleEntry entry : entries) {
            record.putLong(entry.scheduleId()).putLong(entry.dueAt()).putLong(entry.location());
        }
        record.putInt(checksum(record, 0, record.position()));
        return record.flip();
    }

    /**
     * Every dispatch the file records, once per schedule id with its earliest time, in the order first
     * recorded; none if the file does not exist.
     */
    static List<InDoubtDispatch> read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        Map<Long, InDoubtDispatch> earliest = new LinkedHashMap<>();
        int at = 0;
        while (bytes.length - at >= ENTRIES_OFFSET) {
            int count = buffer.getInt(at + COUNT_OFFSET);
            int length = ENTRIES_OFFSET + count * ENTRY_BYTES;
            if (count < 1 || count > MAX_ENTRIES || bytes.length - at < length + CRC_BYTES
                    || buffer.getInt(at + length) != checksum(buffer, at, at + length)) {
                break;
            }
            long dispatchedAt = buffer.getLong(at + TIME_OFFSET);
            for (int e = at + ENTRIES_OFFSET; e < at + length; e += ENTRY_BYTES) {
                ScheduleEntry entry = new ScheduleEntry(buffer.getLong(e), buffer.getLong(e + Long.BYTES),
                        buffer.getLong(e + 2 * Long.BYTES));
                earliest.merge(entry.scheduleId(), new InDoubtDispatch(entry, dispatchedAt),
                        (old, again) -> old.dispatchedAt() <= again.dispatchedAt() ? old : again);
            }
            at += length + CRC_BYTES;
        }
        return new ArrayList<>(earliest.values());
    }

    private static int checksum(ByteBuffer buffer, int from, int to) {
        CRC32C crc = new CRC32C();
        crc.update(buffer.duplicate().limit(to).position(from));
        return (int) crc.getValue();
    }
}

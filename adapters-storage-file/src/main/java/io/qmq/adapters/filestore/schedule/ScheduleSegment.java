package io.qmq.adapters.filestore.schedule;

import io.qmq.adapters.filestore.FlushPolicy;
import io.qmq.domain.delay.ScheduleEntry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The messages due in one span of time {@code [start, end)}: an index file of {@link IndexEntry}s in
 * the order they were added (so by schedule id) and a {@link SettleFile} of those forwarded or
 * cancelled. Files are named {@code <start>-<end>-<firstId>.index} and {@code .settled}; the first id
 * tells this segment from an earlier one of the same span that was completed and deleted, so an entry
 * of the earlier one is never taken for one of this.
 *
 * <p>Memory: nothing per entry until the segment is first used; then the ids settled so far and a
 * count of pending messages. When that count reaches zero the files are deleted.
 *
 * <p>Thread ownership: the writer appends; any thread reads committed entries and settles. The
 * monitor guards the written size, the settled ids, the count and the deletion.
 */
final class ScheduleSegment {

    static final String INDEX_SUFFIX = ".index";
    static final String SETTLED_SUFFIX = ".settled";
    private static final int READ_CHUNK_ENTRIES = 8192;

    final long start;
    final long end;
    final long firstId;
    final Path indexFile;
    final Path settleFile;
    private volatile long committedBytes;
    private long writtenBytes;
    private boolean deleted;
    private SettledIds settled;
    private long pendingCount;
    private final SettleAppender settles;

    ScheduleSegment(Path dir, long start, long end, long firstId, long size, FlushPolicy flush) {
        this.start = start;
        this.end = end;
        this.firstId = firstId;
        String base = start + "-" + end + "-" + firstId;
        this.indexFile = dir.resolve(base + INDEX_SUFFIX);
        this.settleFile = dir.resolve(base + SETTLED_SUFFIX);
        this.settles = new SettleAppender(settleFile, flush);
        this.committedBytes = size;
        this.writtenBytes = size;
    }

    /** At open only: whether the index file holds no entry at all. */
    boolean isEmptyOnDisk() {
        return committedBytes == 0;
    }

    boolean covers(long dueAt) {
        return dueAt >= start && dueAt < end;
    }

    /** Whether an entry with this id and due time could belong here. */
    boolean mayHold(long scheduleId, long dueAt) {
        return covers(dueAt) && scheduleId >= firstId;
    }

    /** Writes entries after the written ones; false if the segment was deleted. Writer thread only. */
    synchronized boolean append(FileChannel channel, ByteBuffer entries) throws IOException {
        if (deleted) {
            return false;
        }
        int count = entries.remaining() / IndexEntry.BYTES;
        while (entries.hasRemaining()) {
            writtenBytes += channel.write(entries, writtenBytes);
        }
        if (settled != null) {
            pendingCount += count;
        }
        return true;
    }

    /** Makes everything written visible to readers, once it is as durable as the policy promises. */
    synchronized void commit() {
        committedBytes = writtenBytes;
    }

    /** Hands each intact committed entry to the visitor, in file order. */
    void forEachEntry(Consumer<IndexEntry> visitor) throws IOException {
        forEachEntry(committedBytes, visitor);
    }

    private void forEachEntry(long limit, Consumer<IndexEntry> visitor) throws IOException {
        if (limit == 0) {
            return;
        }
        ByteBuffer chunk = ByteBuffer.allocate(READ_CHUNK_ENTRIES * IndexEntry.BYTES);
        try (FileChannel channel = FileChannel.open(indexFile)) {
            for (long position = 0; position < limit; position += chunk.limit()) {
                chunk.clear().limit((int) Math.min(chunk.capacity(), limit - position));
                while (chunk.hasRemaining() && channel.read(chunk, position + chunk.position()) > 0) {
                    // positional reads may return short counts
                }
                chunk.flip();
                for (int at = 0; at + IndexEntry.BYTES <= chunk.limit(); at += IndexEntry.BYTES) {
                    IndexEntry entry = IndexEntry.readAt(chunk, at);
                    if (entry != null) {
                        visitor.accept(entry);
                    }
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // completed and deleted meanwhile: nothing is pending here any more
        }
    }

    synchronized boolean isSettled(long scheduleId, ScheduleLog log) throws IOException {
        SettledIds ids = loaded(log);
        return deleted || ids.contains(scheduleId);
    }

    /** Removes the entries of settled messages (all, if the segment completed meanwhile). */
    synchronized void dropSettled(List<ScheduleEntry> entries, ScheduleLog log) throws IOException {
        SettledIds ids = loaded(log);
        if (deleted) {
            entries.clear();
        } else {
            entries.removeIf(entry -> ids.contains(entry.scheduleId()));
        }
    }

    /** Whether the segment was completed and deleted; its holder should forget it. */
    synchronized boolean isDeleted() {
        return deleted;
    }

    /**
     * Records that the message is forwarded or cancelled; false if it already was. When this settles
     * the segment's last pending message, its files are deleted and {@link #isDeleted()} tells the
     * caller to forget it. Call {@link #awaitDurable()} before reporting the settlement.
     */
    synchronized boolean settle(long scheduleId, int outcome, ScheduleLog log) throws IOException {
        if (deleted) {
            return false;
        }
        SettledIds ids = loaded(log);
        if (deleted || ids.contains(scheduleId)) {
            return false;
        }
        settles.append(scheduleId, outcome);
        ids.add(scheduleId);
        if (--pendingCount <= 0) {
            delete();
        }
        return true;
    }

    /** Returns once the settlements recorded so far are as durable as the flush policy promises. */
    void awaitDurable() throws IOException {
        settles.awaitDurable();
    }

    /** Loads the settled ids and counts the pending entries on first use. Holds the monitor. */
    private SettledIds loaded(ScheduleLog log) throws IOException {
        if (settled == null) {
            SettledIds ids = SettleFile.load(settleFile);
            long[] pending = {0};
            forEachEntry(writtenBytes, entry -> {
                if (log.holds(entry.location()) && !ids.contains(entry.scheduleId())) {
                    pending[0]++;
                }
            });
            settled = ids;
            pendingCount = pending[0];
            if (pendingCount == 0) {
                delete();
            }
        }
        return settled;
    }

    private void delete() throws IOException {
        deleted = true;
        closeFiles();
        Files.deleteIfExists(indexFile);
        Files.deleteIfExists(settleFile);
    }

    void closeFiles() throws IOException {
        settles.close();
    }

    @Override
    public String toString() {
        return "schedule segment " + indexFile.getFileName();
    }
}

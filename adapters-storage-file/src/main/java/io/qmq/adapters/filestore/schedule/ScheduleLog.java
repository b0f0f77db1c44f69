package io.qmq.adapters.filestore.schedule;

import io.qmq.domain.delay.DueMessage;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

/**
 * The append-only schedule log that holds the bodies of scheduled messages, in segment files
 * {@code <number>.log} (number in 10 digits) of {@link ScheduleRecord}s.
 *
 * <p>A {@link LogLocation} names a segment and a position in it. Locations are never reused: each
 * opening appends to a new segment, and a segment is never written again once another has started.
 * So an index entry written before a crash, whose record was torn and cut away, points past its
 * segment's end and can be told apart from a live one without reading anything.
 *
 * <p>Recovery: the newest segment is scanned at open and cut after its last intact record; older
 * segments were forced when the next one started.
 *
 * <p>Thread ownership: one writer appends, flushes and forces; any thread reads.
 */
final class ScheduleLog implements Closeable {

    private static final String SUFFIX = ".log";
    private static final int WRITE_BUFFER_BYTES = 1 << 20;

    private final Path dir;
    private final long segmentBytes;
    private final Map<Integer, FileChannel> segments = new ConcurrentSkipListMap<>();
    private final Map<Integer, Long> sealedSizes = new ConcurrentSkipListMap<>();
    private final ByteBuffer pending = ByteBuffer.allocate(WRITE_BUFFER_BYTES);
    private final long lastLoggedId;
    private volatile int activeNumber;
    private FileChannel active;
    private volatile long activeSize;
    private SealListener sealListener = number -> { };

    private ScheduleLog(Path dir, long segmentBytes, long lastLoggedId, int nextNumber) {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
        this.lastLoggedId = lastLoggedId;
        this.activeNumber = nextNumber - 1;
    }

    static ScheduleLog open(Path dir, long segmentBytes) throws IOException {
        Files.createDirectories(dir);
        List<Integer> numbers;
        try (Stream<Path> files = Files.list(dir)) {
            numbers = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(SUFFIX))
                    .map(n -> Integer.parseInt(n.substring(0, n.length() - SUFFIX.length()))).sorted().toList();
        }
        long lastId = -1;
        if (!numbers.isEmpty()) {
            lastId = LogRecovery.cutTornTail(dir.resolve(name(numbers.get(numbers.size() - 1))));
        }
        ScheduleLog log = new ScheduleLog(dir, segmentBytes, lastId, numbers.isEmpty() ? 0 : numbers.get(numbers.size() - 1) + 1);
        for (int number : numbers) {
            FileChannel channel = FileChannel.open(dir.resolve(name(number)), StandardOpenOption.READ);
            log.segments.put(number, channel);
            log.sealedSizes.put(number, channel.size());
        }
        return log;
    }

    /** The segments the writer no longer appends to. */
    List<Integer> sealedSegments() {
        return List.copyOf(sealedSizes.keySet());
    }

    boolean isSealed(int number) {
        return sealedSizes.containsKey(number);
    }

    /** Deletes a sealed segment whose records are all settled; readers of it find nothing. */
    void delete(int number) throws IOException {
        if (sealedSizes.remove(number) == null) {
            return;
        }
        FileChannel channel = segments.remove(number);
        if (channel != null) {
            channel.close();
        }
        Files.deleteIfExists(dir.resolve(name(number)));
    }

    /** Told of each segment the writer moves on from, on the writer thread. */
    interface SealListener {
        void sealed(int number) throws IOException;
    }

    /** Set before the writer starts. */
    void onSeal(SealListener listener) {
        this.sealListener = listener;
    }

    /** The schedule id of the newest intact record found at open, or -1. */
    long lastLoggedId() {
        return lastLoggedId;
    }

    /** Buffers the record of a message and answers its location; writer thread only. */
    long append(long scheduleId, DueMessage due) throws IOException {
        int size = ScheduleRecord.size(due);
        if (active == null || activeSize + pending.position() + size > segmentBytes && activeSize + pending.position() > 0) {
            roll();
        }
        if (size > pending.remaining()) {
            flush();
        }
        long location = LogLocation.of(activeNumber, activeSize + pending.position());
        ByteBuffer target = size > pending.capacity() ? ByteBuffer.allocate(size) : pending;
        ScheduleRecord.write(target, scheduleId, due);
        if (target != pending) {
            writeFully(target.flip());
        }
        return location;
    }

    /** Writes the buffered records to the active segment; writer thread only. */
    void flush() throws IOException {
        if (pending.position() > 0) {
            writeFully(pending.flip());
            pending.clear();
        }
    }

    void force() throws IOException {
        if (active != null) {
            active.force(false);
        }
    }

    /** Whether a record may start at this location: its segment exists and holds bytes there. */
    boolean holds(long location) {
        int number = LogLocation.segmentOf(location);
        long position = LogLocation.positionOf(location);
        Long sealed = sealedSizes.get(number);
        long size = sealed != null ? sealed : number == activeNumber ? activeSize : -1;
        return position + ScheduleRecord.HEADER_BYTES <= size;
    }

    /** The intact record at the location, or null when none is there. */
    ByteBuffer read(long location) throws IOException {
        FileChannel channel = segments.get(LogLocation.segmentOf(location));
        return holds(location) && channel != null ? ScheduleRecord.readFrom(channel, LogLocation.positionOf(location)) : null;
    }

    private void roll() throws IOException {
        flush();
        if (active != null) {
            active.force(false);
            sealedSizes.put(activeNumber, activeSize);
            active.close();
            sealListener.sealed(activeNumber);
        }
        activeNumber++;
        Path file = dir.resolve(name(activeNumber));
        active = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        Directories.force(dir); // a forced record is no use if a power loss forgets its file
        segments.put(activeNumber, FileChannel.open(file, StandardOpenOption.READ));
        activeSize = 0;
    }

    private void writeFully(ByteBuffer buffer) throws IOException {
        int bytes = buffer.remaining();
        while (buffer.hasRemaining()) {
            active.write(buffer);
        }
        activeSize += bytes;
    }

    private static String name(int number) {
        return String.format("%010d%s", number, SUFFIX);
    }

    @Override
    public void close() throws IOException {
        flush();
        force();
        if (active != null) {
            active.close();
        }
        for (FileChannel channel : segments.values()) {
            channel.close();
        }
    }
}

package io.qmq.adapters.filestore.segment;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * An append-only log of bytes split into segment files named by the log position of their first
 * byte ({@code 00000000000000000000.log}). A segment is rolled before a record that would push it past
 * {@code segmentBytes}, so records never span segments, and each segment starts where the previous one
 * ends: positions are dense.
 *
 * <p>Thread ownership: one writer appends, rolls, truncates and cuts; any thread reads; a retention
 * thread may delete leading segments ({@link #deleteBefore}). The segment list is an immutable array
 * replaced on every change, under this object's lock so that a roll and a deletion never lose each
 * other's change.
 */
public final class SegmentedLog implements Closeable {

    private final Path dir;
    private final long segmentBytes;
    private volatile Segment[] segments;

    private SegmentedLog(Path dir, long segmentBytes, Segment[] segments) {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
        this.segments = segments;
    }

    /** Opens the segments in {@code dir}, creating the directory and a first segment when there are none. */
    public static SegmentedLog open(Path dir, long segmentBytes) throws IOException {
        Files.createDirectories(dir);
        List<Segment> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> Segment.isSegmentName(f.getFileName().toString())).toList()) {
                found.add(Segment.open(file));
            }
        }
        found.sort(Comparator.comparingLong(Segment::base));
        if (found.isEmpty()) {
            found.add(Segment.create(dir, 0));
            DirectorySync.force(dir);
        }
        return new SegmentedLog(dir, segmentBytes, found.toArray(Segment[]::new));
    }

    public Path dir() {
        return dir;
    }

    /** The position the next appended byte gets. */
    public long end() {
        return active().end();
    }

    /** The first position still in the log. */
    public long start() {
        return segments[0].base();
    }

    public Segment active() {
        Segment[] current = segments;
        return current[current.length - 1];
    }

    public List<Segment> segments() {
        return List.of(segments);
    }

    /**
     * Whether a record of {@code bytes} still fits in the active segment after {@code buffered} bytes
     * not yet appended; an empty segment takes any one record.
     */
    public boolean fits(long buffered, long bytes) {
        long used = active().size() + buffered;
        return used == 0 || used + bytes <= segmentBytes;
    }

    /** The end of the segment holding {@code position}: a read from there must stop before it. */
    public long segmentEnd(long position) throws IOException {
        return segmentAt(position).end();
    }

    /** Forces the active segment and starts a new one at the log's end, its name forced too. */
    public void roll() throws IOException {
        Segment active = active();
        active.force();
        Segment next = Segment.create(dir, active.end());
        DirectorySync.force(dir);
        synchronized (this) {
            Segment[] current = segments;
            Segment[] rolled = Arrays.copyOf(current, current.length + 1);
            rolled[current.length] = next;
            segments = rolled;
        }
    }

    /** Appends the buffer's remaining bytes to the active segment. */
    public void append(ByteBuffer buffer) throws IOException {
        active().append(buffer);
    }

    /** Fills {@code dst} with the log's bytes from {@code position}; they must lie in one segment. */
    public void read(ByteBuffer dst, long position) throws IOException {
        Segment segment = segmentAt(position);
        if (position + dst.remaining() > segment.end()) {
            throw new IOException("read of " + dst.remaining() + " bytes at " + position + " passes the end of " + segment);
        }
        segment.readFully(dst, position);
    }

    public void forceActive() throws IOException {
        active().force();
    }

    /**
     * Drops every byte from {@code position} on: truncates the segment holding it and deletes the
     * segments after. The log then continues from {@code position}.
     */
    public synchronized void cutAt(long position) throws IOException {
        Segment[] current = segments;
        int keep = current.length;
        while (keep > 1 && current[keep - 1].base() >= position) {
            keep--;
        }
        for (int i = keep; i < current.length; i++) {
            current[i].delete();
        }
        segments = Arrays.copyOf(current, keep);
        Segment last = segments[keep - 1];
        last.truncate(Math.max(last.base(), position));
        last.force();
    }

    /**
     * Deletes the segments that end at or before {@code position}, never the active one, oldest first
     * (a crash part way leaves a log that still starts at a segment boundary). Returns how many.
     */
    public synchronized int deleteBefore(long position) throws IOException {
        Segment[] current = segments;
        int drop = 0;
        while (drop < current.length - 1 && current[drop].end() <= position) {
            drop++;
        }
        if (drop > 0) {
            segments = Arrays.copyOfRange(current, drop, current.length);
            for (int i = 0; i < drop; i++) {
                current[i].delete();
            }
            DirectorySync.force(dir);
        }
        return drop;
    }

    /** Bytes the log's segment files hold. */
    public long bytes() {
        long bytes = 0;
        for (Segment segment : segments) {
            bytes += segment.size();
        }
        return bytes;
    }

    Segment segmentAt(long position) throws IOException {
        Segment[] current = segments;
        int low = 0;
        int high = current.length - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (current[mid].base() <= position) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        if (position < current[low].base()) {
            throw new IOException("position " + position + " is before the log's start " + current[0].base() + " in " + dir);
        }
        return current[low];
    }

    @Override
    public void close() throws IOException {
        for (Segment segment : segments) {
            segment.close();
        }
    }
}

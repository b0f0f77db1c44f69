package io.qmq.adapters.filestore.schedule;

import io.qmq.adapters.filestore.FlushPolicy;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schedule segments on disk, by start time. Segments never overlap. A new one spans the configured
 * length, aligned to it, but is shortened to fit between existing ones; so the length can change
 * between runs (unlike QMQ's, which is frozen once data exists), and old segments keep their bounds.
 *
 * <p>Only the writer creates segments; any thread looks them up; a segment that completes is removed.
 */
final class ScheduleSegments {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleSegments.class);
    private static final String FIELD_SEPARATOR = "-";
    private static final int NAME_FIELDS = 3;

    private final Path dir;
    private final long span;
    private final FlushPolicy flush;
    private final NavigableMap<Long, ScheduleSegment> byStart = new ConcurrentSkipListMap<>();

    private ScheduleSegments(Path dir, long span, FlushPolicy flush) {
        this.dir = dir;
        this.span = span;
        this.flush = flush;
    }

    /**
     * Lists the segments in the directory, cutting partial entries left by a crash. Live segments
     * never overlap: a new one is only made in a gap, after an older one completed and was deleted. So
     * when two overlap, the older (lower first id) is a completed one whose deletion a crash undid,
     * and it is deleted again; so is an empty index file, which a crash can leave behind.
     */
    static ScheduleSegments open(Path dir, long span, FlushPolicy flush) throws IOException {
        Files.createDirectories(dir);
        ScheduleSegments segments = new ScheduleSegments(dir, span, flush);
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.toList();
        }
        List<ScheduleSegment> found = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.endsWith(ScheduleSegment.INDEX_SUFFIX)) {
                found.add(segments.parse(file, name.substring(0, name.length() - ScheduleSegment.INDEX_SUFFIX.length())));
            }
        }
        found.sort(Comparator.comparingLong((ScheduleSegment s) -> s.firstId).reversed());
        for (ScheduleSegment segment : found) {
            segments.register(segment);
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.endsWith(ScheduleSegment.SETTLED_SUFFIX) && !Files.exists(dir.resolve(
                    name.substring(0, name.length() - ScheduleSegment.SETTLED_SUFFIX.length()) + ScheduleSegment.INDEX_SUFFIX))) {
                Files.delete(file); // the segment completed; a crash came between deleting its two files
            }
        }
        return segments;
    }

    private ScheduleSegment parse(Path file, String base) throws IOException {
        String[] fields = base.split(FIELD_SEPARATOR);
        if (fields.length != NAME_FIELDS) {
            throw new IOException("not a schedule segment name: " + file);
        }
        return new ScheduleSegment(dir, Long.parseLong(fields[0]), Long.parseLong(fields[1]), Long.parseLong(fields[2]),
                wholeEntries(file), flush);
    }

    private void register(ScheduleSegment segment) throws IOException {
        Map.Entry<Long, ScheduleSegment> before = byStart.floorEntry(segment.end - 1);
        boolean overlaps = before != null && before.getValue().end > segment.start;
        if (overlaps || segment.isEmptyOnDisk()) {
            if (overlaps) {
                LOG.warn("Deleting {}: it completed before the newer {} was made in its place", segment, before.getValue());
            } else {
                LOG.warn("Deleting {}: a crash left it without entries", segment);
            }
            Files.deleteIfExists(segment.indexFile);
            Files.deleteIfExists(segment.settleFile);
            return;
        }
        byStart.put(segment.start, segment);
    }

    private static long wholeEntries(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            long size = channel.size();
            long whole = size - size % IndexEntry.BYTES;
            if (whole < size) {
                LOG.warn("Cutting a partial entry at the end of schedule segment {} ({} of {} bytes kept)", file, whole, size);
                channel.truncate(whole);
            }
            return whole;
        }
    }

    /** The segment covering the due time, if there is one. */
    ScheduleSegment holding(long dueAt) {
        Map.Entry<Long, ScheduleSegment> floor = byStart.floorEntry(dueAt);
        return floor != null && floor.getValue().covers(dueAt) ? floor.getValue() : null;
    }

    /** A new segment for a due time no segment covers; writer thread only. */
    ScheduleSegment create(long dueAt, long firstId) {
        long alignedStart = dueAt - Math.floorMod(dueAt, span);
        Map.Entry<Long, ScheduleSegment> before = byStart.floorEntry(dueAt);
        Map.Entry<Long, ScheduleSegment> after = byStart.higherEntry(dueAt);
        long start = before == null ? alignedStart : Math.max(alignedStart, before.getValue().end);
        long end = after == null ? alignedStart + span : Math.min(alignedStart + span, after.getKey());
        ScheduleSegment segment = new ScheduleSegment(dir, start, end, firstId, 0, flush);
        byStart.put(start, segment);
        return segment;
    }

    /** The segments that may hold entries due in {@code [from, to)}, by start time. */
    Collection<ScheduleSegment> overlapping(long from, long to) {
        Long first = byStart.floorKey(from);
        return byStart.subMap(first == null ? from : first, true, to, false).values();
    }

    Collection<ScheduleSegment> all() {
        return byStart.values();
    }

    /** Forgets a segment that completed. */
    void forget(ScheduleSegment segment) {
        byStart.remove(segment.start, segment);
    }

    Path dir() {
        return dir;
    }
}

package io.qmq.adapters.filestore.schedule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Deletes schedule-log segments once every message in them is forwarded or cancelled, so that disk
 * use follows the pending messages rather than everything ever scheduled (QMQ keeps all unless a
 * switch, off by default, deletes by age alone). It counts, per log segment, the pending messages
 * whose records lie there: one number per segment, whatever the number of messages. Their sum, kept
 * too, is the store's exact pending count.
 *
 * <p>The counts are built at open by one scan of the index files. The active segment is never
 * deleted; it is checked again when the writer moves on from it.
 */
final class LogRetention {

    private final ScheduleLog log;
    private final Map<Integer, Long> pending = new HashMap<>();
    private long total;

    private LogRetention(ScheduleLog log) {
        this.log = log;
    }

    /** Counts the pending messages of every log segment, and deletes the segments that have none. */
    static LogRetention count(ScheduleLog log, ScheduleSegments segments) throws IOException {
        LogRetention retention = new LogRetention(log);
        for (ScheduleSegment segment : List.copyOf(segments.all())) {
            try {
                segment.forEachEntry(entry -> {
                    if (log.holds(entry.location()) && !isSettled(segment, entry.scheduleId(), log)) {
                        retention.pending.merge(LogLocation.segmentOf(entry.location()), 1L, Long::sum);
                        retention.total++;
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            if (segment.isDeleted()) {
                segments.forget(segment);
            }
        }
        for (int number : log.sealedSegments()) {
            retention.deleteIfDone(number);
        }
        return retention;
    }

    /** A message was stored at the location; writer thread, before its add completes. */
    synchronized void added(long location) {
        pending.merge(LogLocation.segmentOf(location), 1L, Long::sum);
        total++;
    }

    /** The message at the location was forwarded or cancelled. */
    synchronized void settled(long location) throws IOException {
        int number = LogLocation.segmentOf(location);
        pending.computeIfPresent(number, (n, count) -> count - 1);
        total--;
        if (log.isSealed(number)) {
            deleteIfDone(number);
        }
    }

    /** How many messages are pending in the whole store. */
    synchronized long pendingTotal() {
        return total;
    }

    /** The writer moved on from this segment. */
    synchronized void sealed(int number) throws IOException {
        deleteIfDone(number);
    }

    private void deleteIfDone(int number) throws IOException {
        if (pending.getOrDefault(number, 0L) <= 0) {
            pending.remove(number);
            log.delete(number);
        }
    }

    private static boolean isSettled(ScheduleSegment segment, long scheduleId, ScheduleLog log) {
        try {
            return segment.isSettled(scheduleId, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

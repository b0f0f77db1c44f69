package io.qmq.adapters.filestore.schedule;

import io.qmq.application.port.out.MessageLogException;
import io.qmq.domain.delay.ScheduleEntry;
import io.qmq.domain.message.MessageId;
import io.qmq.domain.message.Subject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Operator queries, answered by scanning index files rather than keeping an index of ids or subjects
 * in memory, which would grow with the number of pending messages. Scans read 40 bytes per entry and
 * nothing per entry stays in memory. A subject is matched by its 64-bit hash (a false match needs
 * two subject names colliding in 64 bits); an id by a 32-bit hash, confirmed against the record.
 */
final class CatalogScan {

    private final ScheduleLog log;
    private final ScheduleSegments segments;

    CatalogScan(ScheduleLog log, ScheduleSegments segments) {
        this.log = log;
        this.segments = segments;
    }

    /** Every segment is read: an id carries no due time. */
    List<ScheduleEntry> pendingWithId(MessageId id) {
        int idHash = NameHash.folded(id.value());
        List<ScheduleEntry> found = new ArrayList<>();
        for (ScheduleSegment segment : List.copyOf(segments.all())) {
            List<ScheduleEntry> candidates = new ArrayList<>();
            scan(segment, entry -> {
                if (entry.idHash() == idHash && log.holds(entry.location())) {
                    candidates.add(new ScheduleEntry(entry.scheduleId(), entry.dueAt(), entry.location()));
                }
            });
            try {
                segment.dropSettled(candidates, log);
                for (ScheduleEntry candidate : candidates) {
                    if (hasId(candidate, id)) {
                        found.add(candidate);
                    }
                }
            } catch (IOException e) {
                throw new MessageLogException("could not look up message " + id + " in " + segment, e);
            }
        }
        return found;
    }

    /** Only the segments overlapping the range are read. */
    long countPending(Subject subject, long fromInclusive, long toExclusive) {
        if (fromInclusive >= toExclusive) {
            return 0;
        }
        long subjectHash = NameHash.of(subject.name());
        long[] count = {0};
        for (ScheduleSegment segment : List.copyOf(segments.overlapping(fromInclusive, toExclusive))) {
            scan(segment, entry -> {
                if (entry.subjectHash() == subjectHash && entry.dueAt() >= fromInclusive && entry.dueAt() < toExclusive
                        && log.holds(entry.location()) && !isSettled(segment, entry.scheduleId())) {
                    count[0]++;
                }
            });
        }
        return count[0];
    }

    private boolean hasId(ScheduleEntry entry, MessageId id) throws IOException {
        ByteBuffer record = log.read(entry.location());
        return record != null && ScheduleRecord.scheduleId(record, 0) == entry.scheduleId()
                && ScheduleRecord.read(record, 0).message().id().equals(id);
    }

    private boolean isSettled(ScheduleSegment segment, long scheduleId) {
        try {
            return segment.isSettled(scheduleId, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void scan(ScheduleSegment segment, java.util.function.Consumer<IndexEntry> visitor) {
        try {
            segment.forEachEntry(visitor);
        } catch (IOException | UncheckedIOException e) {
            throw new MessageLogException("could not scan " + segment, e);
        }
    }
}

package io.qmq.adapters.filestore.schedule;

import io.qmq.adapters.filestore.FlushPolicy;
import io.qmq.domain.delay.DueMessage;
import io.qmq.domain.delay.ScheduleEntry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stores one batch of add requests: ids, then the records in the schedule log, then the entries in
 * their segments' index files, then (under the sync policy) one force of each file touched, and only
 * then makes the entries visible and answers. The log is written (and forced) before the index, so
 * an index entry never points at a record that was not written first.
 *
 * <p>Thread ownership: the writer thread.
 */
final class BatchWrite {

    private final ScheduleLog log;
    private final ScheduleSegments segments;
    private final IdReservation ids;
    private final IndexAppenders appenders;
    private final FlushPolicy flush;
    private final LogRetention retention;

    BatchWrite(ScheduleLog log, ScheduleSegments segments, IdReservation ids, IndexAppenders appenders,
               FlushPolicy flush, LogRetention retention) {
        this.log = log;
        this.segments = segments;
        this.ids = ids;
        this.appenders = appenders;
        this.flush = flush;
        this.retention = retention;
    }

    /** Writes the batch and answers each request's entries, in the order of its messages. */
    List<List<ScheduleEntry>> write(List<AddRequest> batch) throws IOException {
        Map<ScheduleSegment, List<IndexEntry>> bySegment = new LinkedHashMap<>();
        List<List<ScheduleEntry>> answers = new ArrayList<>(batch.size());
        for (AddRequest request : batch) {
            List<ScheduleEntry> entries = new ArrayList<>(request.messages().size());
            for (DueMessage due : request.messages()) {
                IndexEntry entry = logged(due);
                bySegment.computeIfAbsent(segmentFor(entry), s -> new ArrayList<>()).add(entry);
                entries.add(new ScheduleEntry(entry.scheduleId(), entry.dueAt(), entry.location()));
            }
            answers.add(entries);
        }
        log.flush();
        if (flush == FlushPolicy.SYNC) {
            log.force();
        }
        Set<ScheduleSegment> touched = new LinkedHashSet<>();
        for (Map.Entry<ScheduleSegment, List<IndexEntry>> group : bySegment.entrySet()) {
            index(group.getKey(), group.getValue(), touched);
        }
        if (flush == FlushPolicy.SYNC) {
            appenders.force();
        }
        touched.forEach(ScheduleSegment::commit);
        return answers;
    }

    private IndexEntry logged(DueMessage due) throws IOException {
        long id = ids.next();
        long location = log.append(id, due);
        retention.added(location);
        String subject = due.message().subject().name();
        return new IndexEntry(due.dueAt(), id, location, NameHash.of(subject), NameHash.folded(due.message().id().value()));
    }

    private ScheduleSegment segmentFor(IndexEntry entry) {
        ScheduleSegment segment = segments.holding(entry.dueAt());
        if (segment != null && segment.isDeleted()) {
            segments.forget(segment);
            segment = null;
        }
        return segment != null ? segment : segments.create(entry.dueAt(), entry.scheduleId());
    }

    private void index(ScheduleSegment segment, List<IndexEntry> entries, Set<ScheduleSegment> touched)
            throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(entries.size() * IndexEntry.BYTES);
        entries.forEach(entry -> entry.write(buffer));
        if (segment.append(appenders.channel(segment), buffer.flip())) {
            touched.add(segment);
            return;
        }
        // the segment completed and was deleted since this batch began: each entry finds its new one
        for (IndexEntry entry : entries) {
            index(segmentFor(entry), List.of(entry), touched);
        }
    }
}

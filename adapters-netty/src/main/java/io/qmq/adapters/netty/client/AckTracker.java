package io.qmq.adapters.netty.client;

import io.qmq.domain.consumer.SequenceRange;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which pull offsets of one stream (broker group, subject, consumer group) this consumer received,
 * finished and had acknowledged.
 *
 * <p>Acks cover contiguous ranges only: the ackable range starts at the oldest un-acked offset and
 * runs over finished offsets up to the first unfinished one or a gap (offsets the broker never sent to
 * us, which we must not claim). So a message finished out of order waits until everything before it
 * is finished. Thread-safe: pull responses, listener threads and the ack sender all touch it.
 */
final class AckTracker {

    private static final long NONE = -1;

    /** Received, not yet acknowledged offsets and whether each is finished. */
    private final TreeMap<Long, Boolean> outstanding = new TreeMap<>();
    private long lastReceived = NONE;
    private long lastAcked = NONE;

    /** Records a delivered offset; false for one we already hold or had acknowledged (a duplicate). */
    synchronized boolean received(long offset) {
        if (offset <= lastAcked || outstanding.containsKey(offset)) {
            return false;
        }
        outstanding.put(offset, Boolean.FALSE);
        lastReceived = Math.max(lastReceived, offset);
        return true;
    }

    synchronized void finished(long offset) {
        outstanding.computeIfPresent(offset, (k, v) -> Boolean.TRUE);
    }

    /** The contiguous run of finished offsets starting at the oldest un-acknowledged one. */
    synchronized Optional<SequenceRange> ackable() {
        if (outstanding.isEmpty() || !outstanding.firstEntry().getValue()) {
            return Optional.empty();
        }
        long first = outstanding.firstKey();
        long last = first;
        for (Map.Entry<Long, Boolean> entry : outstanding.tailMap(first, false).entrySet()) {
            if (entry.getKey() != last + 1 || !entry.getValue()) {
                break;
            }
            last = entry.getKey();
        }
        return Optional.of(SequenceRange.of(first, last));
    }

    /** The broker confirmed the range: forget it. */
    synchronized void acknowledged(SequenceRange range) {
        outstanding.headMap(range.last(), true).clear();
        lastAcked = Math.max(lastAcked, range.last());
    }

    synchronized int unacknowledged() {
        return outstanding.size();
    }

    /** Whether the range reaches the newest offset received so far. */
    synchronized boolean reachesNewest(SequenceRange range) {
        return range.last() >= lastReceived;
    }

    /** Pull request field: the first offset not yet acknowledged, or -1 before anything was received. */
    synchronized long pullOffsetBegin() {
        if (lastAcked != NONE) {
            return lastAcked + 1;
        }
        return outstanding.isEmpty() ? NONE : outstanding.firstKey();
    }

    /** Pull request field: the highest offset received, or -1. */
    synchronized long pullOffsetLast() {
        return lastReceived;
    }
}

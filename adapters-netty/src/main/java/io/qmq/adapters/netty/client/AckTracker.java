package io.qmq.adapters.netty.client;

import io.qmq.domain.consumer.SequenceRange;
import java.util.Optional;

/**
 * Which pull offsets of one stream (broker group, subject, consumer group) this consumer received,
 * finished and had acknowledged.
 *
 * <p>Acks cover contiguous ranges only: the ackable range starts at the oldest un-acked offset and
 * runs over finished offsets up to the first unfinished one or a gap (offsets the broker never sent to
 * us, which we must not claim). So a message finished out of order waits until everything before it
 * is finished. Thread-safe: pull responses, listener threads and the ack sender all touch it.
 *
 * <p>Every delivered message passes through here several times, so the outstanding offsets sit in a
 * sorted ring of primitives rather than a tree of boxed longs: offsets arrive in ascending order
 * (appended at the tail), finish roughly in order (found by binary search) and are acknowledged from
 * the head. The finished run at the head is remembered and only ever extended, so asking for the
 * ackable range after each finished message costs O(1) amortised instead of a walk over the run.
 */
final class AckTracker {

    private static final long NONE = -1;
    private static final int INITIAL_CAPACITY = 1 << 10;

    /** Received, not yet acknowledged offsets, ascending, in a ring of power-of-two capacity. */
    private long[] offsets = new long[INITIAL_CAPACITY];
    private boolean[] finished = new boolean[INITIAL_CAPACITY];
    private int head;
    private int size;
    /** How many entries from the head are finished and back to back: the ackable range. */
    private int run;
    private long lastReceived = NONE;
    private long lastAcked = NONE;

    /** Records a delivered offset; false for one we already hold or had acknowledged (a duplicate). */
    synchronized boolean received(long offset) {
        if (offset <= lastAcked) {
            return false;
        }
        if (size == 0 || offset > offsetAt(size - 1)) {
            insertAt(size, offset);
        } else {
            int at = search(offset);
            if (at >= 0) {
                return false;
            }
            // an offset older than one held (a lost delivery served again): rare, so a shift is fine
            insertAt(-at - 1, offset);
            run = 0;
        }
        lastReceived = Math.max(lastReceived, offset);
        return true;
    }

    synchronized void finished(long offset) {
        int at = search(offset);
        if (at >= 0) {
            finished[slot(at)] = true;
        }
    }

    /** The contiguous run of finished offsets starting at the oldest un-acknowledged one. */
    synchronized Optional<SequenceRange> ackable() {
        extendRun();
        return run == 0 ? Optional.empty() : Optional.of(SequenceRange.of(offsetAt(0), offsetAt(run - 1)));
    }

    /** The broker confirmed the range: forget it. */
    synchronized void acknowledged(SequenceRange range) {
        int dropped = 0;
        while (dropped < size && offsetAt(dropped) <= range.last()) {
            dropped++;
        }
        head = slot(dropped);
        size -= dropped;
        run = Math.max(0, run - dropped);
        lastAcked = Math.max(lastAcked, range.last());
    }

    synchronized int unacknowledged() {
        return size;
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
        return size == 0 ? NONE : offsetAt(0);
    }

    /** Pull request field: the highest offset received, or -1. */
    synchronized long pullOffsetLast() {
        return lastReceived;
    }

    private void extendRun() {
        if (run == 0 && size > 0 && finished[slot(0)]) {
            run = 1;
        }
        while (run > 0 && run < size && finished[slot(run)] && offsetAt(run) == offsetAt(run - 1) + 1) {
            run++;
        }
    }

    private long offsetAt(int index) {
        return offsets[slot(index)];
    }

    private int slot(int index) {
        return (head + index) & (offsets.length - 1);
    }

    /** The index of {@code offset}, or {@code -(insertion index) - 1} when it is not held. */
    private int search(long offset) {
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            long at = offsetAt(mid);
            if (at < offset) {
                low = mid + 1;
            } else if (at > offset) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -low - 1;
    }

    private void insertAt(int index, long offset) {
        if (size == offsets.length) {
            grow();
        }
        for (int i = size; i > index; i--) {
            offsets[slot(i)] = offsets[slot(i - 1)];
            finished[slot(i)] = finished[slot(i - 1)];
        }
        offsets[slot(index)] = offset;
        finished[slot(index)] = false;
        size++;
    }

    /** Doubles the ring, unrolling it so the head is at slot 0. */
    private void grow() {
        long[] newOffsets = new long[offsets.length * 2];
        boolean[] newFinished = new boolean[offsets.length * 2];
        for (int i = 0; i < size; i++) {
            newOffsets[i] = offsetAt(i);
            newFinished[i] = finished[slot(i)];
        }
        offsets = newOffsets;
        finished = newFinished;
        head = 0;
    }
}

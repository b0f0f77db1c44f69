package io.qmq.adapters.filestore.pull;

import java.util.Arrays;

/**
 * One consumer's unacknowledged pulls, kept compactly: runs of pull sequences that map onto
 * consecutive subject sequences, as {@code (first pull sequence, first subject sequence, length)}.
 * A pull of 50 consecutive messages is one run of 20 bytes; acknowledged runs are dropped from the
 * front. Not thread-safe: the pull log guards it.
 */
final class PullRuns {

    private static final int INITIAL_RUNS = 4;

    private long[] pullStarts = new long[INITIAL_RUNS];
    private long[] subjectStarts = new long[INITIAL_RUNS];
    private int[] lengths = new int[INITIAL_RUNS];
    private int head;
    private int tail;

    boolean isEmpty() {
        return head == tail;
    }

    int runCount() {
        return tail - head;
    }

    long pullStart(int run) {
        return pullStarts[head + run];
    }

    long subjectStart(int run) {
        return subjectStarts[head + run];
    }

    int length(int run) {
        return lengths[head + run];
    }

    /** Maps {@code firstPull + i} to {@code subjectSequences[i]}, replacing any mapping from firstPull on. */
    void append(long firstPull, long[] subjectSequences) {
        forgetFrom(firstPull);
        for (int i = 0; i < subjectSequences.length; i++) {
            appendRun(firstPull + i, subjectSequences[i], 1);
        }
    }

    /** Adds a run after the last one, merging when it continues it. */
    void appendRun(long pullStart, long subjectStart, int length) {
        int last = tail - 1;
        if (last >= head && pullStarts[last] + lengths[last] == pullStart
                && subjectStarts[last] + lengths[last] == subjectStart && lengths[last] <= Integer.MAX_VALUE - length) {
            lengths[last] += length;
            return;
        }
        makeRoom();
        pullStarts[tail] = pullStart;
        subjectStarts[tail] = subjectStart;
        lengths[tail] = length;
        tail++;
    }

    /** Drops every mapping at or below {@code acked}. */
    void forgetThrough(long acked) {
        while (head < tail && pullStarts[head] + lengths[head] - 1 <= acked) {
            head++;
        }
        if (head < tail && pullStarts[head] <= acked) {
            int cut = (int) (acked - pullStarts[head] + 1);
            pullStarts[head] += cut;
            subjectStarts[head] += cut;
            lengths[head] -= cut;
        }
        if (head == tail) {
            head = 0;
            tail = 0;
        }
    }

    /** The subject sequence behind each pull sequence from {@code first}; -1 where none is known. */
    long[] lookup(long first, int count) {
        long[] result = new long[count];
        Arrays.fill(result, -1);
        long last = first + count - 1;
        for (int run = firstRunEndingAtOrAfter(first); run < tail && pullStarts[run] <= last; run++) {
            long from = Math.max(first, pullStarts[run]);
            long to = Math.min(last, pullStarts[run] + lengths[run] - 1);
            for (long pull = from; pull <= to; pull++) {
                result[(int) (pull - first)] = subjectStarts[run] + (pull - pullStarts[run]);
            }
        }
        return result;
    }

    private int firstRunEndingAtOrAfter(long pull) {
        int low = head;
        int high = tail;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (pullStarts[mid] + lengths[mid] - 1 < pull) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private void forgetFrom(long pull) {
        while (tail > head && pullStarts[tail - 1] >= pull) {
            tail--;
        }
        if (tail > head && pullStarts[tail - 1] + lengths[tail - 1] > pull) {
            lengths[tail - 1] = (int) (pull - pullStarts[tail - 1]);
        }
    }

    private void makeRoom() {
        if (tail < pullStarts.length) {
            return;
        }
        int live = tail - head;
        int capacity = live * 2 > pullStarts.length ? pullStarts.length * 2 : pullStarts.length;
        pullStarts = shift(pullStarts, capacity);
        subjectStarts = shift(subjectStarts, capacity);
        int[] movedLengths = new int[capacity];
        System.arraycopy(lengths, head, movedLengths, 0, live);
        lengths = movedLengths;
        tail = live;
        head = 0;
    }

    private long[] shift(long[] values, int capacity) {
        long[] moved = new long[capacity];
        System.arraycopy(values, head, moved, 0, tail - head);
        return moved;
    }
}

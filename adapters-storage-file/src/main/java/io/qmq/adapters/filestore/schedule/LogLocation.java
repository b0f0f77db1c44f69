package io.qmq.adapters.filestore.schedule;

/**
 * Where a record lies in the schedule log: {@code segment number << 32 | position in the segment}.
 * Positions fit 32 bits because segments are at most 2 GiB.
 */
final class LogLocation {

    private static final int POSITION_BITS = 32;
    private static final long POSITION_MASK = (1L << POSITION_BITS) - 1;

    private LogLocation() {
    }

    static long of(int segment, long position) {
        return (long) segment << POSITION_BITS | position;
    }

    static int segmentOf(long location) {
        return (int) (location >>> POSITION_BITS);
    }

    static long positionOf(long location) {
        return location & POSITION_MASK;
    }
}

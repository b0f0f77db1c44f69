package io.qmq.adapters.filestore.schedule;

import java.util.Arrays;

/**
 * The schedule ids of one segment that were forwarded or cancelled: an open-addressing hash set of
 * primitive longs, about 8 to 16 bytes per id, so that a segment's bookkeeping stays small. Ids are
 * never negative, which frees -1 to mark an empty slot. Not thread-safe: its segment guards it.
 */
final class SettledIds {

    private static final long EMPTY = -1;
    private static final int INITIAL_CAPACITY = 16;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final int SHIFT = 32;

    private long[] slots = new long[0];
    private int size;

    int size() {
        return size;
    }

    boolean contains(long id) {
        if (size == 0) {
            return false;
        }
        for (int i = slot(id, slots.length); slots[i] != EMPTY; i = (i + 1) & (slots.length - 1)) {
            if (slots[i] == id) {
                return true;
            }
        }
        return false;
    }

    /** Adds the id; false if it was there already. */
    boolean add(long id) {
        if (contains(id)) {
            return false;
        }
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        insert(slots, id);
        size++;
        return true;
    }

    private void grow() {
        long[] larger = new long[Math.max(INITIAL_CAPACITY, slots.length * 2)];
        Arrays.fill(larger, EMPTY);
        for (long id : slots) {
            if (id != EMPTY) {
                insert(larger, id);
            }
        }
        slots = larger;
    }

    private static void insert(long[] table, long id) {
        int i = slot(id, table.length);
        while (table[i] != EMPTY) {
            i = (i + 1) & (table.length - 1);
        }
        table[i] = id;
    }

    private static int slot(long id, int capacity) {
        long mixed = id * GOLDEN;
        return (int) (mixed ^ (mixed >>> SHIFT)) & (capacity - 1);
    }
}

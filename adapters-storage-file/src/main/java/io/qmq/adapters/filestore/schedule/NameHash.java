package io.qmq.adapters.filestore.schedule;

import java.nio.charset.StandardCharsets;

/**
 * A 64-bit hash of a subject name or message id (FNV-1a over UTF-8, then a finalising mix so that the
 * low bits spread well). Stored in index entries; never a stable public format beyond this store.
 */
final class NameHash {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long MIX_1 = 0xff51afd7ed558ccdL;
    private static final long MIX_2 = 0xc4ceb9fe1a85ec53L;
    private static final int HALF = 32;
    private static final int MIX_SHIFT = 33;

    private NameHash() {
    }

    static long of(String name) {
        long hash = FNV_OFFSET;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * FNV_PRIME;
        }
        hash = (hash ^ (hash >>> MIX_SHIFT)) * MIX_1;
        hash = (hash ^ (hash >>> MIX_SHIFT)) * MIX_2;
        return hash ^ (hash >>> MIX_SHIFT);
    }

    static int folded(String name) {
        long hash = of(name);
        return (int) (hash ^ (hash >>> HALF));
    }
}

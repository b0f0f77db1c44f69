package io.qmq.adapters.filestore;

import io.qmq.adapters.filestore.index.ConsumeIndex;
import io.qmq.adapters.filestore.retention.RetentionPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the file store needs, built once by the bootstrap from its configuration keys.
 *
 * @param dataDir            the store's directory; it holds {@code messages/}, {@code index/} and {@code pulls/}
 * @param flush              when an append counts as stored
 * @param flushInterval      how often the {@link FlushPolicy#ASYNC async} policy forces the logs
 * @param segmentBytes       message-log segment size; a segment is rolled before a record would pass it
 * @param ringSize           slots in the append ring (a power of two); a full ring fails appends at once
 * @param checkpointInterval how often the consume logs and pull-log state are checkpointed, bounding replay
 * @param maxOpenIndexFiles  consume-log files kept open at once, whatever the number of subjects
 * @param pullSegmentBytes   pull-log segment size
 * @param retention          when message-log segments (and the consume-log files pointing into them) are deleted
 * @param indexEntriesPerFile consume-log entries per chunk file; retention deletes whole chunks
 */
public record FileStoreConfig(Path dataDir, FlushPolicy flush, Duration flushInterval, long segmentBytes,
                              int ringSize, Duration checkpointInterval, int maxOpenIndexFiles,
                              long pullSegmentBytes, RetentionPolicy retention, int indexEntriesPerFile) {

    public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofMillis(500);
    public static final long DEFAULT_SEGMENT_BYTES = 256L * 1024 * 1024;
    public static final int DEFAULT_RING_SIZE = 16 * 1024;
    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_OPEN_INDEX_FILES = 256;
    public static final long DEFAULT_PULL_SEGMENT_BYTES = 64L * 1024 * 1024;
    /** Smallest segment: a single message of the largest allowed size always fits in a fresh one anyway. */
    private static final long MIN_SEGMENT_BYTES = 4096;

    public FileStoreConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(flush, "flush");
        requirePositive(flushInterval, "flushInterval");
        requirePositive(checkpointInterval, "checkpointInterval");
        if (segmentBytes < MIN_SEGMENT_BYTES || pullSegmentBytes < MIN_SEGMENT_BYTES) {
            throw new IllegalArgumentException("segment sizes must be at least " + MIN_SEGMENT_BYTES + " bytes, got "
                    + segmentBytes + " and " + pullSegmentBytes);
        }
        if (ringSize <= 0 || Integer.bitCount(ringSize) != 1) {
            throw new IllegalArgumentException("ringSize must be a power of two, got " + ringSize);
        }
        if (maxOpenIndexFiles <= 0) {
            throw new IllegalArgumentException("maxOpenIndexFiles must be positive, got " + maxOpenIndexFiles);
        }
        Objects.requireNonNull(retention, "retention");
        if (indexEntriesPerFile <= 0) {
            throw new IllegalArgumentException("indexEntriesPerFile must be positive, got " + indexEntriesPerFile);
        }
    }

    /** With the default retention ({@link RetentionPolicy#DEFAULT}) and consume-log chunk size. */
    public FileStoreConfig(Path dataDir, FlushPolicy flush, Duration flushInterval, long segmentBytes, int ringSize,
                           Duration checkpointInterval, int maxOpenIndexFiles, long pullSegmentBytes) {
        this(dataDir, flush, flushInterval, segmentBytes, ringSize, checkpointInterval, maxOpenIndexFiles,
                pullSegmentBytes, RetentionPolicy.DEFAULT, ConsumeIndex.DEFAULT_ENTRIES_PER_FILE);
    }

    /** The defaults, in {@code dataDir}. */
    public static FileStoreConfig defaults(Path dataDir) {
        return new FileStoreConfig(dataDir, FlushPolicy.ASYNC, DEFAULT_FLUSH_INTERVAL, DEFAULT_SEGMENT_BYTES,
                DEFAULT_RING_SIZE, DEFAULT_CHECKPOINT_INTERVAL, DEFAULT_MAX_OPEN_INDEX_FILES, DEFAULT_PULL_SEGMENT_BYTES);
    }

    public FileStoreConfig withFlush(FlushPolicy policy) {
        return new FileStoreConfig(dataDir, policy, flushInterval, segmentBytes, ringSize, checkpointInterval,
                maxOpenIndexFiles, pullSegmentBytes, retention, indexEntriesPerFile);
    }

    public FileStoreConfig withSegmentBytes(long bytes) {
        return new FileStoreConfig(dataDir, flush, flushInterval, bytes, ringSize, checkpointInterval,
                maxOpenIndexFiles, bytes, retention, indexEntriesPerFile);
    }

    public FileStoreConfig withRetention(RetentionPolicy policy) {
        return new FileStoreConfig(dataDir, flush, flushInterval, segmentBytes, ringSize, checkpointInterval,
                maxOpenIndexFiles, pullSegmentBytes, policy, indexEntriesPerFile);
    }

    public FileStoreConfig withIndexEntriesPerFile(int entries) {
        return new FileStoreConfig(dataDir, flush, flushInterval, segmentBytes, ringSize, checkpointInterval,
                maxOpenIndexFiles, pullSegmentBytes, retention, entries);
    }

    Path messagesDir() {
        return dataDir.resolve("messages");
    }

    Path indexDir() {
        return dataDir.resolve("index");
    }

    Path pullsDir() {
        return dataDir.resolve("pulls");
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + duration);
        }
    }
}

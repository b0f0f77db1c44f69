package io.qmq.adapters.filestore.schedule;

import io.qmq.adapters.filestore.FlushPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the file schedule store needs, built once by the bootstrap from its configuration keys.
 *
 * @param dir               the store's directory; it holds {@code log/}, {@code segments/} and the id reservation
 * @param flush             when an add, a forward or a cancel counts as stored
 * @param flushInterval     how often the {@link FlushPolicy#ASYNC async} policy forces the files
 * @param segmentSpan       the span of due times one schedule segment covers; may change between runs
 * @param logSegmentBytes   schedule-log segment size; a segment is rolled before a record would pass it
 * @param queueCapacity     add requests that may wait for the writer; more fail at once
 * @param maxOpenIndexFiles segment index files the writer keeps open at once
 */
public record ScheduleStoreConfig(Path dir, FlushPolicy flush, Duration flushInterval, Duration segmentSpan,
                                  long logSegmentBytes, int queueCapacity, int maxOpenIndexFiles) {

    public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofMillis(500);
    public static final Duration DEFAULT_SEGMENT_SPAN = Duration.ofMinutes(10);
    public static final long DEFAULT_LOG_SEGMENT_BYTES = 256L * 1024 * 1024;
    public static final int DEFAULT_QUEUE_CAPACITY = 8192;
    public static final int DEFAULT_MAX_OPEN_INDEX_FILES = 256;
    /** Locations keep a segment position in 32 bits; a record never straddles segments. */
    private static final long MAX_LOG_SEGMENT_BYTES = 1L << 31;
    private static final long MIN_LOG_SEGMENT_BYTES = 4096;

    public ScheduleStoreConfig {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(flush, "flush");
        requirePositive(flushInterval, "flushInterval");
        requirePositive(segmentSpan, "segmentSpan");
        if (segmentSpan.toMillis() < 1) {
            throw new IllegalArgumentException("segmentSpan must be at least 1 ms, got " + segmentSpan);
        }
        if (logSegmentBytes < MIN_LOG_SEGMENT_BYTES || logSegmentBytes > MAX_LOG_SEGMENT_BYTES) {
            throw new IllegalArgumentException("logSegmentBytes must be between " + MIN_LOG_SEGMENT_BYTES + " and "
                    + MAX_LOG_SEGMENT_BYTES + ", got " + logSegmentBytes);
        }
        if (queueCapacity <= 0 || maxOpenIndexFiles <= 0) {
            throw new IllegalArgumentException("queueCapacity and maxOpenIndexFiles must be positive, got "
                    + queueCapacity + " and " + maxOpenIndexFiles);
        }
    }

    /** The defaults, in {@code dir}: async flush every 500 ms, 10-minute segments, 256 MiB log segments. */
    public static ScheduleStoreConfig defaults(Path dir) {
        return new ScheduleStoreConfig(dir, FlushPolicy.ASYNC, DEFAULT_FLUSH_INTERVAL, DEFAULT_SEGMENT_SPAN,
                DEFAULT_LOG_SEGMENT_BYTES, DEFAULT_QUEUE_CAPACITY, DEFAULT_MAX_OPEN_INDEX_FILES);
    }

    public ScheduleStoreConfig withFlush(FlushPolicy policy) {
        return new ScheduleStoreConfig(dir, policy, flushInterval, segmentSpan, logSegmentBytes, queueCapacity,
                maxOpenIndexFiles);
    }

    public ScheduleStoreConfig withSegmentSpan(Duration span) {
        return new ScheduleStoreConfig(dir, flush, flushInterval, span, logSegmentBytes, queueCapacity, maxOpenIndexFiles);
    }

    public ScheduleStoreConfig withLogSegmentBytes(long bytes) {
        return new ScheduleStoreConfig(dir, flush, flushInterval, segmentSpan, bytes, queueCapacity, maxOpenIndexFiles);
    }

    Path logDir() {
        return dir.resolve("log");
    }

    Path segmentsDir() {
        return dir.resolve("segments");
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + duration);
        }
    }
}

package io.qmq.adapters.filestore.writer;

import io.qmq.adapters.filestore.index.IndexCheckpointWriter;
import io.qmq.adapters.filestore.segment.SegmentedLog;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The message log's background threads: one forces the log every flush interval (for the
 * {@code async} policy; {@code sync} forces on the writer), another checkpoints the consume logs every
 * checkpoint interval. They are apart so that a long checkpoint (forcing many index files) never
 * delays the flush that bounds what a machine crash can lose. A checkpoint is captured on the writer
 * thread through the ring, then made durable here, off the append path.
 */
public final class FlushSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(FlushSchedule.class);
    private static final long CAPTURE_TIMEOUT_MILLIS = 10_000;

    private final SegmentedLog log;
    private final MessageWriter writer;
    private final AppendRing ring;
    private final IndexCheckpointWriter checkpoints;
    private final ScheduledExecutorService threads;

    public FlushSchedule(SegmentedLog log, MessageWriter writer, AppendRing ring, IndexCheckpointWriter checkpoints,
                         String threadName) {
        this.log = log;
        this.writer = writer;
        this.ring = ring;
        this.checkpoints = checkpoints;
        this.threads = Executors.newScheduledThreadPool(2, runnable -> {
            Thread created = new Thread(runnable, threadName);
            created.setDaemon(true);
            return created;
        });
    }

    public void start(boolean forcePeriodically, Duration flushInterval, Duration checkpointInterval) {
        if (forcePeriodically) {
            long millis = flushInterval.toMillis();
            threads.scheduleWithFixedDelay(this::flushQuietly, millis, millis, TimeUnit.MILLISECONDS);
        }
        long millis = checkpointInterval.toMillis();
        threads.scheduleWithFixedDelay(this::checkpointQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Stops the threads, letting a running flush or checkpoint finish. */
    public void stop() throws InterruptedException {
        threads.shutdown();
        if (!threads.awaitTermination(CAPTURE_TIMEOUT_MILLIS * 2, TimeUnit.MILLISECONDS)) {
            LOG.warn("Background thread of {} did not stop in time", log.dir());
        }
    }

    private void flushQuietly() {
        long committed = writer.committedPosition();
        try {
            log.forceActive();
            writer.forced(committed);
        } catch (IOException e) {
            LOG.error("Forcing message log {} failed; will retry", log.dir(), e);
        }
    }

    private void checkpointQuietly() {
        CompletableFuture<CheckpointCapture> capture = new CompletableFuture<>();
        if (!ring.offerCheckpoint(capture)) {
            LOG.debug("Append ring of {} is full; checkpoint postponed", log.dir());
            return;
        }
        try {
            CheckpointCapture taken = capture.get(CAPTURE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            checkpoints.write(taken.checkpoint(), taken.written());
            writer.forced(taken.checkpoint().logPosition());
        } catch (IOException | ExecutionException | TimeoutException e) {
            LOG.error("Checkpoint of {} failed; the next one will cover it", log.dir(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

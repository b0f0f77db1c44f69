package io.qmq.adapters.filestore.schedule;

import io.qmq.adapters.filestore.FlushPolicy;
import io.qmq.application.port.out.MessageLogException;
import io.qmq.domain.delay.ScheduleEntry;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that writes scheduled messages. Requests queue up while a batch is written, and the
 * next batch takes all of them at once, so that under the sync policy senders arriving together share
 * one force (group commit). Under the async policy the files are forced every flush interval.
 *
 * <p>A full queue fails an add at once rather than blocking its caller. After a write fails, every
 * later add fails too: the files may hold a partial batch, which only a reopening recovers from.
 */
final class ScheduleWriter {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleWriter.class);
    private static final int MAX_BATCH_REQUESTS = 4096;
    /** Wakes the writer when the store closes; never written. */
    private static final AddRequest STOP = new AddRequest(List.of(), new CompletableFuture<>());

    private final BlockingQueue<AddRequest> queue;
    private final BatchWrite batchWrite;
    private final Forcing forcing;
    private final long flushIntervalNanos;
    private final Thread thread;
    private final Object admission = new Object();
    private boolean closed;
    private IOException failure;

    /** What the writer forces every flush interval under the async policy, and when it stops. */
    interface Forcing {
        void force() throws IOException;
    }

    ScheduleWriter(BatchWrite batchWrite, Forcing forcing, int queueCapacity, FlushPolicy flush, Duration flushInterval) {
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.batchWrite = batchWrite;
        this.forcing = forcing;
        this.flushIntervalNanos = flush == FlushPolicy.ASYNC ? flushInterval.toNanos() : Long.MAX_VALUE;
        this.thread = new Thread(this::run, "schedule-writer");
    }

    void start() {
        thread.start();
    }

    CompletableFuture<List<ScheduleEntry>> submit(AddRequest request) {
        synchronized (admission) {
            if (closed) {
                request.stored().completeExceptionally(new MessageLogException("the schedule store is closed"));
            } else if (!queue.offer(request)) {
                request.stored().completeExceptionally(new MessageLogException(
                        "the schedule writer's queue is full (" + queue.size() + " requests); try again later"));
            }
        }
        return request.stored();
    }

    /** Stops taking requests, writes those queued, forces and ends the thread. */
    void stop() {
        synchronized (admission) {
            closed = true;
            queue.offer(STOP); // if the queue is full, the writer is busy and sees the flag soon anyway
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<AddRequest> batch = new ArrayList<>();
        long lastForce = System.nanoTime();
        while (true) {
            AddRequest first = next();
            if (first != null) {
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH_REQUESTS - 1);
                batch.remove(STOP);
                write(batch);
                batch.clear();
            } else if (isClosed()) {
                break;
            }
            if (System.nanoTime() - lastForce >= flushIntervalNanos) {
                forceQuietly();
                lastForce = System.nanoTime();
            }
        }
        forceQuietly();
    }

    private AddRequest next() {
        AddRequest next;
        try {
            next = queue.poll(Math.min(flushIntervalNanos, TimeUnit.MILLISECONDS.toNanos(100)), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            next = queue.poll();
        }
        return next == STOP ? null : next;
    }

    private boolean isClosed() {
        synchronized (admission) {
            return closed && queue.isEmpty();
        }
    }

    private void write(List<AddRequest> batch) {
        List<List<ScheduleEntry>> answers;
        try {
            if (failure != null) {
                throw failure;
            }
            answers = batchWrite.write(batch);
        } catch (IOException e) {
            fail(batch, e);
            return;
        } catch (RuntimeException e) {
            fail(batch, new IOException("schedule batch write failed unexpectedly", e));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).stored().complete(answers.get(i));
        }
    }

    private void fail(List<AddRequest> batch, IOException cause) {
        failure = failure == null ? cause : failure;
        LOG.error("Could not store {} schedule requests; the schedule store refuses adds until reopened", batch.size(), cause);
        batch.forEach(r -> r.stored().completeExceptionally(new MessageLogException("could not store scheduled messages", cause)));
    }

    private void forceQuietly() {
        try {
            forcing.force();
        } catch (IOException e) {
            LOG.error("Could not force the schedule files", e);
        }
    }
}

package io.qmq.adapters.sqlstore;

import io.qmq.application.port.out.MessageLogException;
import io.qmq.domain.message.Message;
import io.qmq.domain.message.StoredMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append thread: it takes whatever appends have queued up while the previous transaction ran and
 * stores them together in one transaction, so that concurrent producers share a commit instead of
 * waiting for one each. Futures complete on this thread, after the commit, so a message is readable
 * before its producer hears that it is stored; callers must not block in their continuations.
 *
 * <p>Appends are admitted under a lock that {@link #close()} also takes, so each one is either queued
 * ahead of the stop mark, and stored, or refused.
 */
final class GroupCommitWriter {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);
    /** Appends waiting beyond this are refused rather than queued without bound. */
    static final int QUEUE_CAPACITY = 16_384;
    /** A group stops growing at this many messages or bytes (an append is never split). */
    private static final int MAX_GROUP_MESSAGES = 2_000;
    private static final long MAX_GROUP_BYTES = 8L << 20;
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private record PendingAppend(List<Message> messages, CompletableFuture<List<StoredMessage>> stored) {
    }

    private static final PendingAppend STOP = new PendingAppend(List.of(), new CompletableFuture<>());

    private final MessageBatchWriter batches;
    private final String storeName;
    private final BlockingQueue<PendingAppend> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Object admission = new Object();
    private final Thread thread;
    private boolean closed;

    GroupCommitWriter(MessageBatchWriter batches, String storeName) {
        this.batches = batches;
        this.storeName = storeName;
        this.thread = new Thread(this::run, "qmq-sql-append");
        thread.setDaemon(true);
        thread.start();
    }

    CompletableFuture<List<StoredMessage>> submit(List<Message> messages) {
        PendingAppend append = new PendingAppend(List.copyOf(messages), new CompletableFuture<>());
        synchronized (admission) {
            if (closed) {
                return CompletableFuture.failedFuture(new MessageLogException("the SQL message log " + storeName + " is closed"));
            }
            if (messages.isEmpty()) {
                return CompletableFuture.completedFuture(List.of());
            }
            if (!queue.offer(append)) {
                return CompletableFuture.failedFuture(new MessageLogException("the SQL message log " + storeName
                        + " has " + QUEUE_CAPACITY + " appends waiting; refusing more"));
            }
        }
        return append.stored();
    }

    /** Stores everything admitted so far, then stops the thread. */
    void close() {
        synchronized (admission) {
            if (closed) {
                return;
            }
            closed = true;
            putStop();
        }
        try {
            thread.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.warn("The append thread of {} did not finish its queued appends within {}", storeName, STOP_WAIT);
        }
    }

    private void putStop() {
        try {
            queue.put(STOP);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.interrupt();
        }
    }

    private void run() {
        List<PendingAppend> group = new ArrayList<>();
        boolean stopping = false;
        while (!stopping) {
            try {
                stopping = fill(group, queue.take());
            } catch (InterruptedException e) {
                stopping = true;
            }
            group.remove(STOP);
            if (!group.isEmpty()) {
                write(group);
            }
            group.clear();
        }
        failQueued();
    }

    /**
     * Adds the first append and whatever else is queued, up to the group limits; true when the stop
     * mark was among them (nothing is queued behind it).
     */
    private boolean fill(List<PendingAppend> group, PendingAppend first) {
        int messages = 0;
        long bytes = 0;
        PendingAppend next = first;
        while (next != null) {
            group.add(next);
            messages += next.messages().size();
            bytes += next.messages().stream().mapToLong(Message::size).sum();
            next = next != STOP && messages < MAX_GROUP_MESSAGES && bytes < MAX_GROUP_BYTES ? queue.poll() : null;
        }
        return group.get(group.size() - 1) == STOP;
    }

    private void write(List<PendingAppend> group) {
        List<List<StoredMessage>> stored;
        try {
            stored = batches.write(group.stream().map(PendingAppend::messages).toList());
        } catch (RuntimeException e) {
            log.warn("Could not store {} append(s) in {}: {}", group.size(), storeName, e.getMessage());
            MessageLogException failure = e instanceof MessageLogException m ? m
                    : new MessageLogException("storing appends in the SQL message log " + storeName + " failed", e);
            group.forEach(append -> append.stored().completeExceptionally(failure));
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            group.get(i).stored().complete(stored.get(i));
        }
    }

    /** Only an interrupt stops the thread with appends still queued; they fail rather than hang. */
    private void failQueued() {
        List<PendingAppend> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(append -> append.stored().completeExceptionally(
                new MessageLogException("the SQL message log " + storeName + " stopped before storing this append")));
    }
}

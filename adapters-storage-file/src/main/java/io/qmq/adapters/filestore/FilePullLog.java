package io.qmq.adapters.filestore;

import io.qmq.adapters.filestore.checkpoint.DirectoryLock;
import io.qmq.adapters.filestore.pull.ActionLog;
import io.qmq.adapters.filestore.pull.ConsumptionState;
import io.qmq.adapters.filestore.pull.PullAction;
import io.qmq.adapters.filestore.pull.StateSnapshot;
import io.qmq.application.port.out.PullLog;
import io.qmq.domain.consumer.Consumer;
import io.qmq.domain.consumer.ConsumerProgress;
import io.qmq.domain.consumer.SequenceRange;
import io.qmq.domain.consumer.Subscription;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pull log under {@code pulls/}: every change is appended to the {@link ActionLog} and then
 * applied to the {@link ConsumptionState} in memory, both under one lock so that the log's order is
 * the state's order and a snapshot taken under the lock matches its log position exactly. A background
 * thread forces the log every flush interval and snapshots the state every checkpoint interval.
 *
 * <p>A failed write throws {@link UncheckedIOException} (the port has no exception of its own) and
 * leaves the state unchanged, so nothing is handed out that the log does not record.
 */
final class FilePullLog implements PullLog {

    private static final Logger LOG = LoggerFactory.getLogger(FilePullLog.class);
    private static final long STOP_TIMEOUT_SECONDS = 30;

    private final DirectoryLock lock;
    private final ActionLog actions;
    private final ConsumptionState state;
    private final ScheduledExecutorService background;
    private boolean closed;
    /** The log position of the newest snapshot; none is written again until actions move the log on. */
    private long snapshotPosition;

    private FilePullLog(DirectoryLock lock, ActionLog actions, ConsumptionState state, FileStoreConfig config) {
        this.lock = lock;
        this.actions = actions;
        this.state = state;
        this.snapshotPosition = actions.end();
        this.background = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "filestore-pull-log");
            thread.setDaemon(true);
            return thread;
        });
        long flushMillis = config.flushInterval().toMillis();
        long checkpointMillis = config.checkpointInterval().toMillis();
        background.scheduleWithFixedDelay(this::forceQuietly, flushMillis, flushMillis, TimeUnit.MILLISECONDS);
        background.scheduleWithFixedDelay(this::snapshotQuietly, checkpointMillis, checkpointMillis, TimeUnit.MILLISECONDS);
    }

    static FilePullLog open(FileStoreConfig config) {
        OpenedFiles opened = new OpenedFiles();
        try {
            DirectoryLock lock = opened.add(DirectoryLock.acquire(config.pullsDir()));
            ActionLog actions = opened.add(ActionLog.open(config.pullsDir(), config.pullSegmentBytes()));
            return new FilePullLog(lock, actions, actions.recover(), config);
        } catch (IOException e) {
            opened.closeAfter(e);
            throw new UncheckedIOException("cannot open the pull log in " + config.pullsDir(), e);
        } catch (RuntimeException e) {
            opened.closeAfter(e);
            throw e;
        }
    }

    @Override
    public synchronized OptionalLong cursor(Subscription subscription) {
        return state.cursor(subscription);
    }

    @Override
    public synchronized long openCursor(Subscription subscription, long startSequence) {
        OptionalLong cursor = state.cursor(subscription);
        if (cursor.isPresent()) {
            return cursor.getAsLong();
        }
        record(PullAction.cursor(subscription, startSequence), "open the cursor of " + subscription);
        state.moveCursor(subscription, startSequence);
        return startSequence;
    }

    @Override
    public synchronized void advanceCursor(Subscription subscription, long cursor) {
        if (state.cursor(subscription).orElse(Long.MIN_VALUE) < cursor) {
            record(PullAction.cursor(subscription, cursor), "advance the cursor of " + subscription);
            state.moveCursor(subscription, cursor);
        }
    }

    @Override
    public synchronized ConsumerProgress progress(Consumer consumer) {
        return state.progress(consumer);
    }

    @Override
    public synchronized void recordPull(Consumer consumer, long firstPullSequence, long[] subjectSequences, long cursorAfter) {
        record(PullAction.pull(consumer, firstPullSequence, subjectSequences, cursorAfter), "record a pull of " + consumer);
        state.pull(consumer, firstPullSequence, subjectSequences, cursorAfter);
    }

    @Override
    public synchronized void recordAck(Consumer consumer, SequenceRange pullSequences) {
        record(PullAction.ack(consumer, pullSequences), "record an ack of " + consumer);
        state.ack(consumer, pullSequences);
    }

    @Override
    public synchronized long[] subjectSequences(Consumer consumer, SequenceRange pullSequences) {
        return state.subjectSequences(consumer, pullSequences);
    }

    @Override
    public synchronized List<Consumer> consumers() {
        return state.consumers();
    }

    @Override
    public synchronized List<Subscription> subscriptions() {
        return state.subscriptions();
    }

    /** The whole state now, encoded as a snapshot is, for a slave's copy. */
    synchronized byte[] snapshotContent() {
        ByteBuffer content = StateSnapshot.encode(state);
        byte[] bytes = new byte[content.remaining()];
        content.get(bytes);
        return bytes;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        background.shutdown();
        try {
            if (!background.awaitTermination(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("Pull-log background thread did not stop in time");
            }
            snapshot();
            synchronized (this) {
                actions.close();
            }
            lock.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing the pull log failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void record(byte[] action, String what) {
        if (closed) {
            throw new IllegalStateException("the pull log is closed; cannot " + what);
        }
        try {
            actions.append(action);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot " + what + " in the pull log", e);
        }
    }

    private void snapshot() throws IOException {
        long position;
        ByteBuffer content;
        synchronized (this) {
            position = actions.end();
            if (position == snapshotPosition) {
                // nothing recorded since: rewriting would only risk replacing a snapshot seeded meanwhile
                // (a slave's copy of its master's progress) with this older state
                return;
            }
            content = StateSnapshot.encode(state);
        }
        actions.writeSnapshot(position, content);
        synchronized (this) {
            actions.snapshotWritten(position);
            snapshotPosition = position;
        }
    }

    private void snapshotQuietly() {
        try {
            snapshot();
        } catch (IOException e) {
            LOG.error("Pull-log snapshot failed; the next one will cover it", e);
        }
    }

    private void forceQuietly() {
        try {
            actions.force();
        } catch (IOException e) {
            LOG.error("Forcing the pull log failed; will retry", e);
        }
    }
}

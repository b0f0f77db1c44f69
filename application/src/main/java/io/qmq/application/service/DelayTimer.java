package io.qmq.application.service;

import io.qmq.application.port.out.ScheduleStore;
import io.qmq.domain.delay.ScheduleEntry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Fires scheduled messages when they fall due, never before.
 *
 * <p>Memory holds only the entries due within the look-ahead window; a loader brings the next window
 * in from the store ahead of time. All state is confined to one timer thread (the given
 * single-threaded scheduler): loads, forwards and new offers hand their results to it, so no locks
 * are needed. The thread sleeps until the earliest entry is due, so precision is that of the
 * scheduler (about a millisecond), not a wheel tick.
 *
 * <p>An entry is in exactly one place: waiting, in flight (being forwarded or backing off after a
 * failure), or done. A load that races with forwards skips what was finished while it ran.
 */
public final class DelayTimer {

    private static final System.Logger LOG = System.getLogger(DelayTimer.class.getName());
    private static final Comparator<ScheduleEntry> BY_DUE_TIME =
            Comparator.comparingLong(ScheduleEntry::dueAt).thenComparingLong(ScheduleEntry::scheduleId);

    private final ScheduleStore store;
    private final DueForwarding forwarding;
    private final DelaySettings settings;
    private final Clock clock;
    private final ScheduledExecutorService timerThread;
    private final Executor loader;

    private final TreeSet<ScheduleEntry> waiting = new TreeSet<>(BY_DUE_TIME);
    private final Set<Long> inFlight = new HashSet<>();
    private final Set<Long> finishedDuringLoad = new HashSet<>();
    private boolean loading;
    private long loadedUntil;
    private ScheduledFuture<?> wake;
    private long wakeAt = Long.MAX_VALUE;

    public DelayTimer(ScheduleStore store, DueForwarding forwarding, DelaySettings settings, Clock clock,
                      ScheduledExecutorService timerThread, Executor loader) {
        this.store = store;
        this.forwarding = forwarding;
        this.settings = settings;
        this.clock = clock;
        this.timerThread = timerThread;
        this.loader = loader;
    }

    /** Loads everything due up to the look-ahead, overdue messages included, and starts firing. */
    public void start() {
        timerThread.execute(() -> load(0, clock.millis() + settings.lookahead().toMillis()));
    }

    /** Entries just stored: those due within the loaded window are kept, the store has the rest. */
    public void offer(List<ScheduleEntry> entries) {
        timerThread.execute(() -> {
            for (ScheduleEntry entry : entries) {
                if (entry.dueAt() < loadedUntil && !inFlight.contains(entry.scheduleId())) {
                    waiting.add(entry);
                }
            }
            rewake();
        });
    }

    /**
     * Forgets a cancelled entry. One in flight finishes its forward first; if that failed, its retry
     * drops it instead of trying again (see {@link #settled}).
     */
    public void forget(ScheduleEntry entry) {
        timerThread.execute(() -> {
            waiting.remove(entry);
            finished(entry);
            forwarding.forget(entry);
        });
    }

    private void load(long from, long until) {
        loading = true;
        loadedUntil = until;
        loader.execute(() -> {
            try {
                List<ScheduleEntry> found = store.pendingBetween(from, until);
                timerThread.execute(() -> loaded(found));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "loading due entries [" + from + ", " + until + ") failed; retrying", e);
                timerThread.schedule(() -> load(from, until), settings.retryBackoff().toMillis(), TimeUnit.MILLISECONDS);
            }
        });
    }

    private void loaded(List<ScheduleEntry> found) {
        for (ScheduleEntry entry : found) {
            if (!inFlight.contains(entry.scheduleId()) && !finishedDuringLoad.contains(entry.scheduleId())) {
                waiting.add(entry);
            }
        }
        finishedDuringLoad.clear();
        loading = false;
        rewake();
    }

    private void tick() {
        wake = null; // this wake has fired; rewake below schedules the next
        wakeAt = Long.MAX_VALUE;
        long now = clock.millis();
        List<ScheduleEntry> batch = new ArrayList<>();
        while (!waiting.isEmpty() && waiting.first().dueAt() <= now) {
            ScheduleEntry entry = waiting.pollFirst();
            inFlight.add(entry.scheduleId());
            batch.add(entry);
            if (batch.size() == settings.forwardBatch()) {
                forward(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            forward(batch);
        }
        if (!loading && now >= nextLoadAt()) {
            load(loadedUntil, Math.max(loadedUntil, now) + settings.lookahead().toMillis());
        }
        rewake();
    }

    private void forward(List<ScheduleEntry> batch) {
        forwarding.forward(batch).thenAccept(retry -> timerThread.execute(() -> settled(batch, retry)));
    }

    private void settled(List<ScheduleEntry> batch, List<ScheduleEntry> retry) {
        Set<Long> again = new HashSet<>();
        retry.forEach(e -> again.add(e.scheduleId()));
        batch.stream().filter(e -> !again.contains(e.scheduleId())).forEach(this::finished);
        if (!retry.isEmpty()) {
            // they stay in flight while backing off, so a load cannot bring them back a second time
            timerThread.schedule(() -> {
                for (ScheduleEntry entry : retry) {
                    if (inFlight.remove(entry.scheduleId())) {
                        waiting.add(entry);
                    } else { // forgotten (cancelled) meanwhile; the failed forward may have put it in doubt
                        forwarding.forget(entry);
                    }
                }
                rewake();
            }, settings.retryBackoff().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void finished(ScheduleEntry entry) {
        inFlight.remove(entry.scheduleId());
        if (loading) {
            finishedDuringLoad.add(entry.scheduleId());
        }
    }

    private long nextLoadAt() {
        return loadedUntil - settings.lookahead().toMillis() / 2;
    }

    /**
     * Makes sure the timer wakes for the earliest entry (or the next load). A pending wake that is early
     * enough is kept: offers arrive by the thousand per second, and cancelling and rescheduling a wake
     * for each left the scheduler's queue full of cancelled wakes.
     */
    private void rewake() {
        long next = loading ? Long.MAX_VALUE : nextLoadAt();
        if (!waiting.isEmpty()) {
            next = Math.min(next, waiting.first().dueAt());
        }
        boolean pending = wake != null && !wake.isDone();
        if (next == Long.MAX_VALUE || (pending && wakeAt <= next)) {
            return;
        }
        if (pending) {
            wake.cancel(false);
        }
        wakeAt = next;
        wake = timerThread.schedule(this::tick, Math.max(0, next - clock.millis()), TimeUnit.MILLISECONDS);
    }

    /** How many entries are waiting in memory; for tests and metrics. */
    public int waitingInMemory() {
        try {
            return timerThread.submit(waiting::size).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("timer thread failed", e.getCause());
        }
    }
}

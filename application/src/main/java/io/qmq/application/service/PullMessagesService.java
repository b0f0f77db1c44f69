package io.qmq.application.service;

import io.qmq.application.port.in.PullCommand;
import io.qmq.application.port.in.PullMessagesUseCase;
import io.qmq.application.port.in.PullResult;
import io.qmq.application.port.out.BrokerMetrics;
import io.qmq.application.port.out.MessageLog;
import io.qmq.application.port.out.PullLog;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Serves pulls with long-polling. Each look at the log runs on the given executor (it reads files);
 * a pull that finds nothing waits for an arrival on its subject, for a held-back retry to fall due or
 * for its long-poll time to end, whichever comes first, and then looks again.
 */
public final class PullMessagesService implements PullMessagesUseCase {

    private final Dispenser dispenser;
    private final MessageArrivals arrivals;
    private final ConsumerLiveness liveness;
    private final BrokerMetrics metrics;
    private final Clock clock;
    private final Executor executor;
    private final ScheduledExecutorService timer;

    public PullMessagesService(MessageLog log, PullLog pullLog, SubscriptionLocks locks, MessageArrivals arrivals,
                               ConsumerLiveness liveness, BrokerMetrics metrics, BrokerSettings settings, Clock clock,
                               Executor executor, ScheduledExecutorService timer) {
        this.dispenser = new Dispenser(log, pullLog, locks, arrivals, settings, clock);
        this.arrivals = arrivals;
        this.liveness = liveness;
        this.metrics = metrics;
        this.clock = clock;
        this.executor = executor;
        this.timer = timer;
    }

    @Override
    public CompletableFuture<PullResult> pull(PullCommand command) {
        liveness.heardFrom(command.consumer());
        CompletableFuture<PullResult> result = new CompletableFuture<>();
        long deadline = clock.millis() + Math.max(0, command.longPoll().toMillis());
        executor.execute(() -> look(command, deadline, result));
        return result;
    }

    private void look(PullCommand command, long deadline, CompletableFuture<PullResult> result) {
        if (result.isDone()) {
            return;
        }
        try {
            Dispensed dispensed = dispenser.dispense(command);
            if (!dispensed.result().isEmpty() || clock.millis() >= deadline) {
                finish(command, dispensed.result(), result);
                return;
            }
            long wakeAt = dispensed.nextDueAt() > 0 ? Math.min(deadline, dispensed.nextDueAt()) : deadline;
            new LongPoll(command, deadline, result).await(wakeAt, dispensed.arrivalsSeen());
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    private void finish(PullCommand command, PullResult pulled, CompletableFuture<PullResult> result) {
        long bytes = 0;
        for (var message : pulled.messages()) {
            bytes += message.size();
        }
        metrics.pullServed(command.consumer().subscription(), pulled.messages().size(), bytes);
        result.complete(pulled);
    }

    /** One wait of a pull: the first of an arrival and the timer wins and looks again. */
    private final class LongPoll implements Runnable {
        private final PullCommand command;
        private final long deadline;
        private final CompletableFuture<PullResult> result;
        private final java.util.concurrent.atomic.AtomicBoolean fired = new java.util.concurrent.atomic.AtomicBoolean();
        private volatile java.util.concurrent.ScheduledFuture<?> alarm;

        LongPoll(PullCommand command, long deadline, CompletableFuture<PullResult> result) {
            this.command = command;
            this.deadline = deadline;
            this.result = result;
        }

        void await(long wakeAt, long arrivalsSeen) {
            var subject = command.consumer().subscription().subject();
            arrivals.await(subject, this);
            alarm = timer.schedule(this, Math.max(0, wakeAt - clock.millis()), java.util.concurrent.TimeUnit.MILLISECONDS);
            if (arrivals.version(subject) != arrivalsSeen) {
                run(); // messages arrived while we looked: look again now
            }
        }

        @Override
        public void run() {
            if (!fired.compareAndSet(false, true)) {
                return;
            }
            arrivals.cancel(command.consumer().subscription().subject(), this);
            var pending = alarm;
            if (pending != null) {
                pending.cancel(false);
            }
            executor.execute(() -> look(command, deadline, result));
        }
    }
}

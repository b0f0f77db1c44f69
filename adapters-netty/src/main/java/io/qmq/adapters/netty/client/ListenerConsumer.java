package io.qmq.adapters.netty.client;

import io.qmq.domain.cluster.ClientType;
import io.qmq.domain.message.Subject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running listener subscription (§5–§6): pulls the subject and the group's retry subject from every
 * readable broker group in parallel, runs the listener on its executor, acks what returned normally
 * and sends back what threw. Every second it matches its pull streams to the current routes: a group
 * that left the route (or rejected a pull) stops being pulled; its pending acks are kept.
 */
public final class ListenerConsumer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ListenerConsumer.class);
    private static final long RECONCILE_MILLIS = 1000;

    private final ConsumerSettings settings;
    private final MessageListener listener;
    private final ExecutorService executor;
    private final boolean ownsExecutor;
    /** How many listener tasks may run at once: the pool's size, or unknown (one task per message). */
    private final int parallelism;
    private final ConsumerWiring wiring;
    private final Map<StreamAddress, StreamSettlement> settlements = new ConcurrentHashMap<>();
    private final Map<StreamAddress, PullStream> streams = new ConcurrentHashMap<>();
    private final List<ScheduledFuture<?>> tasks = new java.util.ArrayList<>();
    private volatile boolean closed;

    ListenerConsumer(ConsumerSettings settings, MessageListener listener, ExecutorService executor, boolean ownsExecutor,
                     ConsumerWiring wiring) {
        this.settings = settings;
        this.listener = listener;
        this.executor = executor;
        this.ownsExecutor = ownsExecutor;
        this.parallelism = executor instanceof ThreadPoolExecutor pool ? Math.max(1, pool.getMaximumPoolSize()) : Integer.MAX_VALUE;
        this.wiring = wiring;
    }

    void start() {
        settings.pulledSubjects().forEach(s -> wiring.meta().route(ClientType.CONSUMER, s, settings.group())
                .thenRun(() -> wiring.timer().execute(this::reconcile)));
        long ackMillis = settings.ackInterval().toMillis();
        tasks.add(wiring.timer().scheduleWithFixedDelay(this::reconcile, RECONCILE_MILLIS, RECONCILE_MILLIS, TimeUnit.MILLISECONDS));
        tasks.add(wiring.timer().scheduleWithFixedDelay(this::tickAcks, ackMillis, ackMillis, TimeUnit.MILLISECONDS));
    }

    private synchronized void reconcile() {
        if (closed) {
            return;
        }
        for (Subject pulled : settings.pulledSubjects()) {
            Route route = wiring.meta().route(ClientType.CONSUMER, pulled, settings.group()).getNow(null);
            if (route != null) {
                follow(pulled, route);
            }
        }
    }

    private void follow(Subject pulled, Route route) {
        List<BrokerRoute> readable = route.readable();
        for (BrokerRoute group : readable) {
            StreamAddress stream = new StreamAddress(pulled, group.groupName());
            StreamSettlement settlement = settlements.computeIfAbsent(stream,
                    s -> new StreamSettlement(s, group.address(), settings, wiring));
            settlement.moveTo(group.address());
            if (!streams.containsKey(stream)) {
                PullStream pull = new PullStream(settlement, settings, wiring, this::deliver, () -> rejected(route, stream));
                streams.put(stream, pull);
                pull.start();
            }
        }
        streams.entrySet().removeIf(e -> e.getKey().pulledSubject().equals(pulled)
                && readable.stream().noneMatch(g -> g.groupName().equals(e.getKey().brokerGroup()))
                && stop(e.getValue()));
    }

    private static boolean stop(PullStream stream) {
        stream.stop();
        return true;
    }

    private void rejected(Route route, StreamAddress stream) {
        route.markUnavailable(stream.brokerGroup());
        wiring.meta().refresh(ClientType.CONSUMER, stream.pulledSubject());
    }

    /**
     * Hands a pull answer's messages to the listener threads as one task per thread rather than one
     * per message: a hand-off (queue, wake-up) per message cost more than the bench's listener itself
     * when draining a backlog. Each task runs a contiguous slice, so the threads still share the batch.
     */
    private void deliver(List<ReceivedMessage> messages) {
        int count = messages.size();
        int slices = Math.min(count, parallelism);
        for (int i = 0; i < slices; i++) {
            List<ReceivedMessage> slice = messages.subList(i * count / slices, (i + 1) * count / slices);
            try {
                executor.execute(() -> handleSlice(slice));
            } catch (RejectedExecutionException e) {
                LOG.debug("consumer closing; {} message(s) stay un-acked", slice.size());
            }
        }
    }

    /**
     * Every message of the slice gets settled, whatever the listener throws for one of them: a message
     * left unsettled holds back the stream's acks for good, and once its un-acked limit is reached the
     * stream stops pulling. A fatal VM error is rethrown only after the slice, so that the executor's
     * uncaught-exception handling (or the application's) still sees it, without stalling the stream.
     */
    private void handleSlice(List<ReceivedMessage> slice) {
        VirtualMachineError fatal = null;
        for (ReceivedMessage message : slice) {
            VirtualMachineError error = handle(message);
            if (fatal == null) {
                fatal = error;
            }
        }
        if (fatal != null) {
            throw fatal;
        }
    }

    /**
     * Runs the listener on one message and acks it, or settles it as failed if the listener threw.
     * Catches {@code Error}s too (an assertion, a missing class, a stack overflow in user code) and
     * checked exceptions thrown sneakily (Kotlin, Lombok): each fails just its own message.
     *
     * @return the fatal VM error the listener threw, to be rethrown after the slice; else null
     */
    private VirtualMachineError handle(ReceivedMessage message) {
        try {
            listener.onMessage(message);
            message.ack();
            return null;
        } catch (Exception | Error e) {
            failed(message, e);
            return isFatal(e) ? (VirtualMachineError) e : null;
        }
    }

    /** A stack overflow has unwound by the time it is caught, so only the other VM errors are fatal. */
    private static boolean isFatal(Throwable error) {
        return error instanceof VirtualMachineError && !(error instanceof StackOverflowError);
    }

    private void failed(ReceivedMessage message, Throwable error) {
        String kind = error instanceof Error ? "failed with an error" : "failed";
        if (settings.atMostOnce()) {
            LOG.warn("listener of {} {} on {}; consumed at most once, so it is dropped", settings.group(), kind, message, error);
            return;
        }
        LOG.warn("listener of {} {} on {}; sending it back", settings.group(), kind, message, error);
        try {
            message.nack();
        } catch (RuntimeException e) {
            LOG.error("retry copy of {} could not be sent; it stays un-acked", message, e);
        }
    }

    private void tickAcks() {
        settlements.values().forEach(s -> s.acks().tick());
    }

    /** Stops pulling, lets running listeners finish and flushes acks, within the client's shutdown time. */
    @Override
    public void close() {
        closed = true;
        tasks.forEach(t -> t.cancel(false));
        streams.values().forEach(PullStream::stop);
        Duration timeout = wiring.config().shutdownTimeout();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            if (ownsExecutor) {
                executor.shutdown();
                executor.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS);
            }
            if (!AckFlush.flush(settlements.values(), Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                LOG.warn("consumer {}@{} closed with acks unsent", settings.group(), settings.subject());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.qmq.adapters.netty.client;

import io.netty.buffer.ByteBuf;
import io.qmq.adapters.netty.codec.CommandCode;
import io.qmq.domain.cluster.ClientType;
import io.qmq.domain.message.Subject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls on the caller's thread (§5.1, pull API): first the group's retry subject without waiting, then
 * the subject, long-polling for what is left of the timeout; one broker group per pull, round-robin.
 * The application settles each message with {@link ReceivedMessage#ack()} or
 * {@link ReceivedMessage#nack(Duration)}; finished messages are acked in contiguous ranges, by a
 * batch's worth, when everything received is finished, and on the periodic tick. Not for concurrent
 * {@code pull} calls from several threads (settling from any thread is fine).
 */
public final class PullConsumer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PullConsumer.class);
    private static final long NO_WAIT = -1;
    private static final long IDLE_PAUSE_MILLIS = 100;

    private final ConsumerSettings settings;
    private final ConsumerWiring wiring;
    private final Map<StreamAddress, StreamSettlement> settlements = new ConcurrentHashMap<>();
    private final AtomicInteger nextGroup = new AtomicInteger();
    private final ScheduledFuture<?> ackTicks;

    PullConsumer(ConsumerSettings settings, ConsumerWiring wiring) {
        this.settings = settings;
        this.wiring = wiring;
        settings.pulledSubjects().forEach(s -> wiring.meta().route(ClientType.CONSUMER, s, settings.group()));
        long ackMillis = settings.ackInterval().toMillis();
        this.ackTicks = wiring.timer().scheduleWithFixedDelay(
                () -> settlements.values().forEach(s -> s.acks().tick()), ackMillis, ackMillis, TimeUnit.MILLISECONDS);
    }

    /** Up to {@code max} messages, waiting at most about {@code timeout}; empty if none came. */
    public List<ReceivedMessage> pull(int max, Duration timeout) throws InterruptedException {
        if (max < 1 || max > ConsumerSettings.MAX_PULL_BATCH_SIZE) {
            throw new IllegalArgumentException("pull between 1 and " + ConsumerSettings.MAX_PULL_BATCH_SIZE + " messages, not " + max);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Subject> pulled = settings.pulledSubjects();
        List<ReceivedMessage> got = pulled.size() > 1 ? pullOnce(pulled.get(1), max, NO_WAIT, deadline) : List.of();
        while (got.isEmpty() && System.nanoTime() < deadline) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            got = pullOnce(settings.subject(), max, left, deadline);
        }
        return got;
    }

    private List<ReceivedMessage> pullOnce(Subject subject, int max, long longPoll, long deadline) throws InterruptedException {
        CompletableFuture<Route> routeAnswer = wiring.meta().route(ClientType.CONSUMER, subject, settings.group());
        Route route = longPoll == NO_WAIT ? routeAnswer.getNow(null) : await(routeAnswer, deadline);
        List<BrokerRoute> groups = route == null ? List.of() : route.readable();
        if (groups.isEmpty()) {
            pauseUntil(deadline, longPoll);
            return List.of();
        }
        BrokerRoute group = groups.get(Math.floorMod(nextGroup.getAndIncrement(), groups.size()));
        StreamSettlement settlement = settlements.computeIfAbsent(new StreamAddress(subject, group.groupName()),
                s -> new StreamSettlement(s, group.address(), settings, wiring));
        settlement.moveTo(group.address());
        ByteBuf body = PullAnswer.request(settlement.stream(), settings, settlement.tracker(), max, longPoll, List.of());
        Duration timeout = wiring.config().pullRequestTimeout().plusMillis(Math.max(0, longPoll));
        PullAnswer answer = await(wiring.connections().to(group.address())
                .request(CommandCode.PULL_MESSAGE, body, timeout, PullAnswer::read), System.nanoTime() + timeout.toNanos());
        if (answer == null) {
            pauseUntil(deadline, longPoll);
            return List.of();
        }
        if (answer.isRejected()) {
            route.markUnavailable(group.groupName());
            wiring.meta().refresh(ClientType.CONSUMER, subject);
        }
        return settlement.receive(answer.firstPullOffset(), answer.records());
    }

    private static <T> T await(CompletableFuture<T> future, long deadline) throws InterruptedException {
        try {
            return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("pull did not complete: {}", e.toString());
            return null;
        }
    }

    private static void pauseUntil(long deadline, long longPoll) throws InterruptedException {
        if (longPoll != NO_WAIT) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            Thread.sleep(Math.max(0, Math.min(IDLE_PAUSE_MILLIS, left)));
        }
    }

    /** Flushes finished acks within the client's shutdown time; unsettled messages are redelivered later. */
    @Override
    public void close() {
        ackTicks.cancel(false);
        try {
            AckFlush.flush(settlements.values(), wiring.config().shutdownTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

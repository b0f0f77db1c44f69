package io.qmq.adapters.netty.client;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.qmq.adapters.netty.codec.CommandCode;
import io.qmq.adapters.netty.codec.MessageRecord;
import io.qmq.adapters.netty.codec.ResponseCode;
import io.qmq.adapters.netty.codec.SendRequestBody;
import io.qmq.domain.message.MessageFlags;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends batches of one route key (subject and route type) with retries (§4.6–4.8): each try picks the
 * next group of the route, always with the same message ids. Code 52 or a read-only message marks the
 * group unavailable and refreshes the route; timeouts, connection errors and other codes just retry;
 * busy and blocked messages fail at once. Groups whose {@link CircuitBreaker} is open are skipped while
 * another is available. Non-blocking: tries continue on the event loop or the timer.
 */
final class BatchSender {

    private static final Logger LOG = LoggerFactory.getLogger(BatchSender.class);

    private final MetaClient meta;
    private final BrokerConnections connections;
    private final ScheduledExecutorService timer;
    private final Duration sendTimeout;
    private final Clock clock;
    private final BooleanSupplier closed;
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

    BatchSender(MetaClient meta, BrokerConnections connections, ScheduledExecutorService timer, Duration sendTimeout,
                Clock clock, BooleanSupplier closed) {
        this.meta = meta;
        this.connections = connections;
        this.timer = timer;
        this.sendTimeout = sendTimeout;
        this.clock = clock;
        this.closed = closed;
    }

    /** Sends a batch whose messages share one route key; completes when each has its outcome. */
    CompletableFuture<Void> send(List<PendingSend> batch, SendPolicy policy) {
        attempt(batch.get(0).routeKey(), batch, 1, policy);
        CompletableFuture<?>[] results = batch.stream().map(PendingSend::result).toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(results).handle((ok, error) -> null);
    }

    private void attempt(RouteKey key, List<PendingSend> sends, int tries, SendPolicy policy) {
        if (closed.getAsBoolean()) {
            fail(sends, "client closed");
            return;
        }
        meta.route(key.type(), key.subject(), "").copy()
                .orTimeout(sendTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .thenCompose(route -> sendOnce(route, sends))
                .whenComplete((tried, error) -> {
                    if (error != null) {
                        retry(key, sends, tries, policy, 0, describe(error));
                    } else {
                        settle(key, tried, tries, policy);
                    }
                });
    }

    private CompletableFuture<Tried> sendOnce(Route route, List<PendingSend> sends) {
        BrokerRoute group = route.nextWritable(name -> breaker(name).allows(clock.millis()))
                .orElseThrow(() -> new IllegalStateException("route without groups"));
        ByteBuf body = Unpooled.buffer();
        try {
            SendRequestBody.encode(body, encode(sends, clock.millis()));
        } catch (IllegalArgumentException e) { // a string over the str16 limit
            body.release();
            throw e;
        }
        return connections.to(group.address())
                .request(CommandCode.SEND_MESSAGE, body, sendTimeout, SendAnswer::read)
                .handle((answer, error) -> {
                    if (error == null) {
                        breaker(group.groupName()).succeeded();
                    } else if (transportFailure(error)) {
                        breaker(group.groupName()).failed(clock.millis());
                    }
                    return new Tried(route, group, sends, answer, error);
                });
    }

    private CircuitBreaker breaker(String groupName) {
        return breakers.computeIfAbsent(groupName, name -> new CircuitBreaker());
    }

    private static boolean transportFailure(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof TransportException;
    }

    private void settle(RouteKey key, Tried tried, int tries, SendPolicy policy) {
        if (tried.error() != null) {
            retry(key, tried.sends(), tries, policy, tried.route().groups().size(),
                    tried.group().groupName() + ": " + describe(tried.error()));
            return;
        }
        SendAnswer answer = tried.answer();
        if (answer.code() == ResponseCode.BROKER_REJECT) {
            unavailable(key, tried);
        }
        if (answer.code() != ResponseCode.SUCCESS) {
            retry(key, tried.sends(), tries, policy, tried.route().groups().size(),
                    "broker group " + tried.group().groupName() + " answered code " + answer.code());
            return;
        }
        List<PendingSend> again = settleEach(tried, tries);
        if (tried.sends().stream().anyMatch(s -> answer.verdictFor(s.record().id()) == SendVerdict.RETRY_ELSEWHERE)) {
            unavailable(key, tried);
        }
        if (!again.isEmpty()) {
            retry(key, again, tries, policy, tried.route().groups().size(),
                    tried.group().groupName() + " answered " + answer.reasonFor(again.get(0).record().id()));
        }
    }

    /** Completes stored and refused messages; returns those to try again. */
    private static List<PendingSend> settleEach(Tried tried, int tries) {
        List<PendingSend> again = new ArrayList<>();
        for (PendingSend send : tried.sends()) {
            String id = send.record().id();
            String subject = send.record().subject().name();
            switch (tried.answer().verdictFor(id)) {
                case STORED -> send.result().complete(new SendReceipt(id, subject, tried.group().groupName(), tries));
                case REFUSED -> send.result().completeExceptionally(new SendFailedException(id, subject,
                        "refused by " + tried.group().groupName() + ": " + tried.answer().reasonFor(id), null));
                case RETRY, RETRY_ELSEWHERE -> again.add(send);
            }
        }
        return again;
    }

    private void retry(RouteKey key, List<PendingSend> sends, int tries, SendPolicy policy, int groups, String reason) {
        if (tries >= policy.maxTries() || closed.getAsBoolean()) {
            fail(sends, (closed.getAsBoolean() ? "client closed" : tries + " tries") + "; last: " + reason);
            return;
        }
        LOG.debug("re-sending {} message(s) to {} after try {}: {}", sends.size(), key, tries, reason);
        long pause = policy.pauseAfter(tries, groups).toMillis();
        try {
            timer.schedule(() -> attempt(key, sends, tries + 1, policy), pause, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            fail(sends, "client closed; last: " + reason);
        }
    }

    private static void fail(List<PendingSend> sends, String why) {
        sends.forEach(s -> s.result().completeExceptionally(
                new SendFailedException(s.record().id(), s.record().subject().name(), why, null)));
    }

    private void unavailable(RouteKey key, Tried tried) {
        tried.route().markUnavailable(tried.group().groupName());
        meta.refresh(key.type(), key.subject());
    }

    /** Encodes at sending time: the delay flag is set only if the schedule is still 500 ms away. */
    static List<MessageRecord> encode(List<PendingSend> sends, long now) {
        List<MessageRecord> records = new ArrayList<>(sends.size());
        for (PendingSend send : sends) {
            OutboundRecord r = send.record();
            boolean delayed = r.isDelayedAt(now);
            byte flag = (byte) (delayed ? MessageFlags.DELAY : 0);
            records.add(new MessageRecord(flag, r.createdAt(), delayed ? r.scheduledAt() : now, r.subject().name(),
                    r.id(), List.copyOf(r.tags().values()), r.attributes()));
        }
        return records;
    }

    private static String describe(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause.toString();
    }

    /** One try's outcome: where it went and what came back. */
    private record Tried(Route route, BrokerRoute group, List<PendingSend> sends, SendAnswer answer, Throwable error) {
    }
}

package io.qmq.adapters.netty.client;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.qmq.adapters.netty.codec.AckRequestBody;
import io.qmq.adapters.netty.codec.CommandCode;
import io.qmq.adapters.netty.codec.ResponseCode;
import io.qmq.domain.consumer.SequenceRange;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one stream's acks (§5.6): at most one ack request in flight; a range goes out once it covers a
 * pull batch or reaches the newest received offset, and on every tick (pending range, else a
 * heartbeat with begin = last = -1). A failed ack keeps its offsets in the tracker, so the same range
 * (possibly grown) is sent again first; the route is refreshed.
 */
final class AckSender {

    private static final Logger LOG = LoggerFactory.getLogger(AckSender.class);
    private static final long HEARTBEAT = -1;

    private final StreamAddress stream;
    private final AckTracker tracker;
    private final ConsumerSettings settings;
    private final ConsumerWiring wiring;
    private final Supplier<String> address;
    private final AtomicBoolean inFlight = new AtomicBoolean();

    AckSender(StreamAddress stream, AckTracker tracker, ConsumerSettings settings, ConsumerWiring wiring,
              Supplier<String> address) {
        this.stream = stream;
        this.tracker = tracker;
        this.settings = settings;
        this.wiring = wiring;
        this.address = address;
    }

    /** A message finished: ack when a batch's worth or everything received is finished. */
    void onFinished() {
        tracker.ackable()
                .filter(r -> r.count() >= settings.pullBatchSize() || tracker.reachesNewest(r))
                .ifPresent(this::send);
    }

    /** Periodic: send what is finished, or a heartbeat when nothing is. */
    void tick() {
        Optional<SequenceRange> range = tracker.ackable();
        if (range.isPresent()) {
            send(range.get());
        } else if (inFlight.compareAndSet(false, true)) {
            request(HEARTBEAT, HEARTBEAT, false).whenComplete((ok, e) -> inFlight.set(false));
        }
    }

    /** Sends what is finished now; completes when the broker answered (or at once if nothing is due). */
    CompletableFuture<Boolean> flush() {
        Optional<SequenceRange> range = tracker.ackable();
        if (range.isEmpty() || !inFlight.compareAndSet(false, true)) {
            return CompletableFuture.completedFuture(range.isEmpty());
        }
        return acknowledge(range.get());
    }

    private void send(SequenceRange range) {
        if (inFlight.compareAndSet(false, true)) {
            acknowledge(range).thenAccept(ok -> {
                if (ok) {
                    onFinished();
                }
            });
        }
    }

    private CompletableFuture<Boolean> acknowledge(SequenceRange range) {
        return request(range.first(), range.last(), settings.broadcast()).handle((ok, error) -> {
            if (error == null && ok) {
                tracker.acknowledged(range);
            } else {
                LOG.debug("ack {} of {} failed: {}", range, stream, error == null ? "refused" : error.toString());
                wiring.meta().refresh(io.qmq.domain.cluster.ClientType.CONSUMER, stream.pulledSubject());
            }
            inFlight.set(false);
            return error == null && ok;
        });
    }

    private CompletableFuture<Boolean> request(long begin, long last, boolean broadcast) {
        ByteBuf body = Unpooled.buffer();
        new AckRequestBody(stream.pulledSubject().name(), settings.group(), settings.consumerId(), begin, last, broadcast)
                .encode(body);
        return wiring.connections().to(address.get())
                .request(CommandCode.ACK_REQUEST, body, wiring.config().ackTimeout(),
                        frame -> frame.header().code() == ResponseCode.SUCCESS);
    }
}

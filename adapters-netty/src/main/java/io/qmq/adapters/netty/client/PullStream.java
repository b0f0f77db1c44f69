package io.qmq.adapters.netty.client;

import io.netty.buffer.ByteBuf;
import io.qmq.adapters.netty.codec.CommandCode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A listener consumer's pull loop for one stream (§5.2): one pull in flight, long-polling; the next
 * pull goes out as soon as an answer's offsets are recorded, before its messages are handed on. Only
 * one pull may be in flight: the broker takes a pull whose last-received offset lags what it handed
 * out as proof that those messages were lost, and sends them again. Pulling pauses while the meta
 * server says the consumer is offline, while more than the un-acked limit are outstanding, after
 * errors, and after a rejection (which also marks the group unavailable). Runs on the event loop and
 * the client timer; it never blocks.
 */
final class PullStream {

    private static final Logger LOG = LoggerFactory.getLogger(PullStream.class);
    private static final long PAUSE_MILLIS = 100;
    /** Acks free room within a round trip; re-checking soon keeps a fast consumer busy. */
    private static final long UNACKED_PAUSE_MILLIS = 2;
    private static final long EMPTY_PAUSE_MILLIS = 20;
    private static final long ERROR_PAUSE_MILLIS = 1000;

    private final StreamSettlement settlement;
    private final ConsumerSettings settings;
    private final ConsumerWiring wiring;
    private final Consumer<List<ReceivedMessage>> deliver;
    private final Runnable onRejected;
    private volatile boolean running;

    PullStream(StreamSettlement settlement, ConsumerSettings settings, ConsumerWiring wiring,
               Consumer<List<ReceivedMessage>> deliver, Runnable onRejected) {
        this.settlement = settlement;
        this.settings = settings;
        this.wiring = wiring;
        this.deliver = deliver;
        this.onRejected = onRejected;
    }

    void start() {
        running = true;
        pullNext();
    }

    void stop() {
        running = false;
    }

    private void pullNext() {
        if (!running) {
            return;
        }
        boolean offline = !wiring.meta().isOnline(settlement.stream().pulledSubject(), settings.group());
        if (offline) {
            later(PAUSE_MILLIS);
            return;
        }
        if (settlement.tracker().unacknowledged() > settings.unackedLimit()) {
            later(UNACKED_PAUSE_MILLIS);
            return;
        }
        ByteBuf body = PullAnswer.request(settlement.stream(), settings, settlement.tracker(), settings.pullBatchSize(),
                settings.longPoll().toMillis(), PullAnswer.tagFilter(settings));
        Duration timeout = wiring.config().pullRequestTimeout().plus(settings.longPoll());
        wiring.connections().to(settlement.address())
                .request(CommandCode.PULL_MESSAGE, body, timeout, PullAnswer::read)
                .whenComplete(this::onAnswer);
    }

    private void onAnswer(PullAnswer answer, Throwable error) {
        if (error != null) {
            LOG.debug("pull of {} failed: {}", settlement.stream(), error.toString());
            later(ERROR_PAUSE_MILLIS);
        } else if (answer.isRejected()) {
            LOG.info("broker group {} rejected a pull of {}", settlement.brokerGroup(), settlement.stream());
            onRejected.run();
            later(PAUSE_MILLIS);
        } else if (answer.records().isEmpty()) {
            // the broker long-polls; a short pause only guards against one that answers at once
            later(EMPTY_PAUSE_MILLIS);
        } else {
            List<ReceivedMessage> received = settlement.receive(answer.firstPullOffset(), answer.records());
            pullNext(); // ask for the next batch before handing this one on, so the broker works meanwhile
            if (!received.isEmpty()) {
                deliver.accept(received);
            }
        }
    }

    private void later(long millis) {
        if (running) {
            wiring.timer().schedule(this::pullNext, millis, TimeUnit.MILLISECONDS);
        }
    }
}

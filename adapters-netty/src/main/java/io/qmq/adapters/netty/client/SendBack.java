package io.qmq.adapters.netty.client;

import io.qmq.domain.cluster.ClientType;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Sends a consumer's retry copy (§6.3) as a one-message SEND_MESSAGE through a producer route of the
 * retry or dead-letter subject, trying until a broker stored it or the client closes. A delayed copy
 * first goes to a delay server (two tries); if that fails it is sent at once instead.
 */
final class SendBack {

    private static final int DELAYED_TRIES = 2;

    private final BatchSender sender;
    private final Clock clock;

    SendBack(BatchSender sender, Clock clock) {
        this.sender = sender;
        this.clock = clock;
    }

    CompletableFuture<SendReceipt> send(OutboundRecord copy) {
        if (copy.routeTypeAt(clock.millis()) == ClientType.DELAY_PRODUCER) {
            return sendOnce(copy, ClientType.DELAY_PRODUCER, SendPolicy.producer(DELAYED_TRIES))
                    .exceptionallyCompose(e -> sendOnce(withoutDelay(copy), ClientType.PRODUCER, SendPolicy.sendBack()));
        }
        return sendOnce(copy, ClientType.PRODUCER, SendPolicy.sendBack());
    }

    private CompletableFuture<SendReceipt> sendOnce(OutboundRecord copy, ClientType routeType, SendPolicy policy) {
        PendingSend pending = new PendingSend(copy, routeType, new CompletableFuture<>());
        sender.send(List.of(pending), policy);
        return pending.result();
    }

    private static OutboundRecord withoutDelay(OutboundRecord copy) {
        Map<String, String> attributes = new HashMap<>(copy.attributes());
        attributes.remove(MessageAttributes.SCHEDULE_RECEIVE_TIME);
        return new OutboundRecord(copy.subject(), copy.id(), copy.tags(), attributes, copy.createdAt(), 0);
    }
}

package io.qmq.adapters.netty.client;

import io.qmq.domain.cluster.ClientType;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A message waiting in the producer's queue, the route type it was given when it was accepted, and the
 * application's future.
 */
record PendingSend(OutboundRecord record, ClientType routeType, CompletableFuture<SendReceipt> result) {

    PendingSend {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(routeType, "route type");
        Objects.requireNonNull(result, "result");
    }

    /** Messages of one batch share this: one subject and one route type. */
    RouteKey routeKey() {
        return new RouteKey(routeType, record.subject());
    }
}

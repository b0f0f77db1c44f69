package io.qmq.application.port.in;

import io.qmq.domain.cluster.BrokerGroup;
import java.util.List;

/**
 * What a client is told.
 *
 * @param version        a stamp that never decreases across answers; clients ignore on/offline
 *                       switches older than the newest stamp they saw
 * @param consumerOnline whether a consumer should pull (an operator may switch consumers off)
 * @param groups         the broker groups to use, in a stable order
 */
public record RouteAnswer(long version, boolean consumerOnline, List<BrokerGroup> groups) {

    public RouteAnswer {
        groups = List.copyOf(groups);
    }
}

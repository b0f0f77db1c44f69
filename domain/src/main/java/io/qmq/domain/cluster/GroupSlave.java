package io.qmq.domain.cluster;

import java.util.Objects;

/**
 * The slave of a broker group as it last reported itself: never routed to, shown to operators.
 *
 * @param group     the broker group it copies the master of
 * @param address   {@code host:port} of its broker endpoint (which refuses clients)
 * @param state     what it reported: OFFLINE once it said it stops
 * @param updatedAt when the meta server last heard from it, epoch milliseconds
 */
public record GroupSlave(String group, String address, BrokerState state, long updatedAt) {

    public GroupSlave {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(state, "state");
        if (group.isEmpty()) {
            throw new IllegalArgumentException("a slave's broker group name is empty");
        }
    }
}

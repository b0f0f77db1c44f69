package io.qmq.domain.cluster;

import java.util.Objects;

/**
 * A master (and its slaves) that clients address as one: the unit a subject is assigned to.
 *
 * @param name          unique, non-empty
 * @param kind          realtime or delay
 * @param masterAddress {@code host:port} clients connect to
 * @param state         what clients may do there
 * @param updatedAt     last change, epoch milliseconds
 */
public record BrokerGroup(String name, BrokerGroupKind kind, String masterAddress, BrokerState state, long updatedAt) {

    public BrokerGroup {
        Objects.requireNonNull(name, "broker group name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(masterAddress, "master address");
        Objects.requireNonNull(state, "state");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("broker group name is empty");
        }
        if (masterAddress.lastIndexOf(':') <= 0) {
            throw new IllegalArgumentException("broker group " + name + " has no host:port address: '" + masterAddress + "'");
        }
    }

    public BrokerGroup withState(BrokerState newState, long at) {
        return new BrokerGroup(name, kind, masterAddress, newState, at);
    }
}

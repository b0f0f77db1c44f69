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
        if (!isHostAndPort(masterAddress)) {
            throw new IllegalArgumentException("broker group " + name + " has no host:port address: '" + masterAddress + "'");
        }
    }

    private static boolean isHostAndPort(String address) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0 || colon == address.length() - 1 || address.length() - colon > 6) {
            return false;
        }
        for (int i = colon + 1; i < address.length(); i++) {
            if (!Character.isDigit(address.charAt(i))) {
                return false;
            }
        }
        int port = Integer.parseInt(address.substring(colon + 1));
        return port >= 1 && port <= 65_535;
    }

    public BrokerGroup withState(BrokerState newState, long at) {
        return new BrokerGroup(name, kind, masterAddress, newState, at);
    }
}

package io.qmq.adapters.netty.client;

import java.util.Objects;

/**
 * One broker group as the meta server announced it to this client: its name and the {@code host:port}
 * of its master. The state was already used to decide whether the group is listed at all.
 */
record BrokerRoute(String groupName, String address) {

    BrokerRoute {
        Objects.requireNonNull(groupName, "group name");
        Objects.requireNonNull(address, "address");
    }
}

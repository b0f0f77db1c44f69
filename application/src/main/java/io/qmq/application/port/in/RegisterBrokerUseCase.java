package io.qmq.application.port.in;

import io.qmq.domain.cluster.BrokerGroup;
import io.qmq.domain.cluster.BrokerState;
import io.qmq.domain.cluster.GroupSlave;
import java.util.Map;

/** A broker announces its group to the meta server so that clients are routed to it. */
public interface RegisterBrokerUseCase {

    /**
     * Records the group with its address and state, replacing what was known of it, and answers the
     * state the group is to be in: read-only when an operator marked it so, else what it reported.
     */
    BrokerState register(BrokerGroup group);

    /**
     * A slave reports itself: it is never routed to, but operators see it beside its group. Answers the
     * state it reported. Where slaves are not kept (the default) it is only answered.
     */
    default BrokerState registerSlave(GroupSlave slave) {
        return slave.state();
    }

    /** The slave each group last reported, by group name; empty where slaves are not kept. */
    default Map<String, GroupSlave> slaves() {
        return Map.of();
    }

    /** Forgets the slave of a group the operator removed. */
    default void forgetSlave(String group) {
    }

    /**
     * Shows as offline every slave last heard from before {@code heardBefore} (epoch milliseconds); its
     * next heartbeat brings it back. Returns how many were marked.
     */
    default int markSilentSlavesOffline(long heardBefore) {
        return 0;
    }
}

package io.qmq.application.port.in;

import io.qmq.domain.cluster.BrokerGroup;
import io.qmq.domain.cluster.BrokerState;

/** A broker announces its group to the meta server so that clients are routed to it. */
public interface RegisterBrokerUseCase {

    /**
     * Records the group with its address and state, replacing what was known of it, and answers the
     * state the group is to be in: read-only when an operator marked it so, else what it reported.
     */
    BrokerState register(BrokerGroup group);
}

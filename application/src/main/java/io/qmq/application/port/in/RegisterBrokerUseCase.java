package io.qmq.application.port.in;

import io.qmq.domain.cluster.BrokerGroup;

/** A broker announces its group to the meta server so that clients are routed to it. */
public interface RegisterBrokerUseCase {

    /** Records the group with its address and state, replacing what was known of it. */
    void register(BrokerGroup group);
}

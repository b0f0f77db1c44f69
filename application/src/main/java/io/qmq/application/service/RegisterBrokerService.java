package io.qmq.application.service;

import io.qmq.application.port.in.RegisterBrokerUseCase;
import io.qmq.application.port.out.BrokerGroupStore;
import io.qmq.domain.cluster.BrokerGroup;

/**
 * Keeps the meta server's view of a broker group as the group itself reports it. Each registration
 * or heartbeat carries the time the meta server received it, which is how silent groups are found.
 */
public final class RegisterBrokerService implements RegisterBrokerUseCase {

    private final BrokerGroupStore groups;

    public RegisterBrokerService(BrokerGroupStore groups) {
        this.groups = groups;
    }

    @Override
    public void register(BrokerGroup group) {
        groups.save(group);
    }
}

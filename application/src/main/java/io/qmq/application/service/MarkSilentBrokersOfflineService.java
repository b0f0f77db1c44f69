package io.qmq.application.service;

import io.qmq.application.port.in.RegisterBrokerUseCase;
import io.qmq.application.port.out.BrokerGroupStore;
import io.qmq.domain.cluster.BrokerGroup;
import io.qmq.domain.cluster.BrokerState;
import java.time.Clock;
import java.time.Duration;

/**
 * Run periodically on meta servers: a broker group whose master has not been heard from within the
 * heartbeat timeout is marked offline, so clients stop being routed to it; its next heartbeat brings
 * it back. The time of the last heartbeat lives in the shared store, not in one meta server's memory,
 * so every meta server sharing the store judges a group alike. Slaves, which each meta server keeps in
 * memory for the operator's listing, are shown offline after the same timeout.
 */
public final class MarkSilentBrokersOfflineService {

    private static final System.Logger LOG = System.getLogger(MarkSilentBrokersOfflineService.class.getName());

    private final BrokerGroupStore groups;
    private final RegisterBrokerUseCase registration;
    private final Clock clock;
    private final Duration heartbeatTimeout;

    public MarkSilentBrokersOfflineService(BrokerGroupStore groups, RegisterBrokerUseCase registration, Clock clock,
                                           Duration heartbeatTimeout) {
        this.groups = groups;
        this.registration = registration;
        this.clock = clock;
        this.heartbeatTimeout = heartbeatTimeout;
    }

    /** Returns how many groups were marked offline. */
    public int markSilentGroupsOffline() {
        long now = clock.millis();
        int marked = 0;
        for (BrokerGroup group : groups.all()) {
            if (group.state() != BrokerState.OFFLINE && now - group.updatedAt() > heartbeatTimeout.toMillis()) {
                LOG.log(System.Logger.Level.WARNING, "broker group " + group.name() + " silent since "
                        + group.updatedAt() + "; marking it offline");
                groups.save(group.withState(BrokerState.OFFLINE, group.updatedAt()));
                marked++;
            }
        }
        registration.markSilentSlavesOffline(now - heartbeatTimeout.toMillis());
        return marked;
    }
}

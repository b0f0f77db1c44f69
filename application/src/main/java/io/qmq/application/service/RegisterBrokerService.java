package io.qmq.application.service;

import io.qmq.application.port.in.RegisterBrokerUseCase;
import io.qmq.application.port.out.BrokerGroupStore;
import io.qmq.application.port.out.ReadOnlyGroupStore;
import io.qmq.domain.cluster.BrokerGroup;
import io.qmq.domain.cluster.BrokerState;
import io.qmq.domain.cluster.GroupSlave;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps the meta server's view of a broker group as the group itself reports it. Each registration
 * or heartbeat carries the time the meta server received it, which is how silent groups are found;
 * the answer tells a broker an operator made it read-only, so it refuses sends from clients whose
 * routes are not refreshed yet.
 *
 * <p>Slaves are kept in memory only, by the meta server each reports to: each reports itself every
 * heartbeat interval, so a restarted meta server knows them again within one, and nothing routes by
 * them. A slave silent past the heartbeat timeout is shown offline; a removed group's slave is forgotten.
 */
public final class RegisterBrokerService implements RegisterBrokerUseCase {

    private final BrokerGroupStore groups;
    private final ReadOnlyGroupStore readOnly;
    private final Map<String, GroupSlave> slaves = new ConcurrentHashMap<>();

    public RegisterBrokerService(BrokerGroupStore groups, ReadOnlyGroupStore readOnly) {
        this.groups = groups;
        this.readOnly = readOnly;
    }

    @Override
    public BrokerState register(BrokerGroup group) {
        groups.save(group);
        boolean marked = readOnly.readOnlyGroups().contains(group.name());
        return marked && group.state().isReadable() ? BrokerState.READ_ONLY : group.state();
    }

    @Override
    public BrokerState registerSlave(GroupSlave slave) {
        slaves.put(slave.group(), slave);
        return slave.state();
    }

    @Override
    public Map<String, GroupSlave> slaves() {
        return Map.copyOf(slaves);
    }

    @Override
    public void forgetSlave(String group) {
        slaves.remove(group);
    }

    /** Each check and mark is atomic per group, so a heartbeat landing meanwhile is never overwritten. */
    @Override
    public int markSilentSlavesOffline(long heardBefore) {
        AtomicInteger marked = new AtomicInteger();
        for (String group : slaves.keySet()) {
            slaves.computeIfPresent(group, (name, slave) -> {
                if (!isSilent(slave, heardBefore)) {
                    return slave;
                }
                marked.incrementAndGet();
                return new GroupSlave(name, slave.address(), BrokerState.OFFLINE, slave.updatedAt());
            });
        }
        return marked.get();
    }

    private static boolean isSilent(GroupSlave slave, long heardBefore) {
        return slave.state() != BrokerState.OFFLINE && slave.updatedAt() < heardBefore;
    }
}

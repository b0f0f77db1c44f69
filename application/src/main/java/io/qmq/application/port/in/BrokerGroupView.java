package io.qmq.application.port.in;

import io.qmq.domain.cluster.BrokerGroup;
import io.qmq.domain.cluster.GroupSlave;
import java.util.Optional;

/**
 * A broker group as an operator sees it.
 *
 * @param group    what the group last reported (or was registered with)
 * @param readOnly whether an operator marked it read-only
 * @param slave    the group's slave as it last reported itself, if it has one
 */
public record BrokerGroupView(BrokerGroup group, boolean readOnly, Optional<GroupSlave> slave) {

    public BrokerGroupView(BrokerGroup group, boolean readOnly) {
        this(group, readOnly, Optional.empty());
    }
}

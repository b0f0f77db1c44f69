package io.qmq.application.port.in;

import io.qmq.domain.cluster.BrokerGroup;

/**
 * A broker group as an operator sees it.
 *
 * @param group    what the group last reported (or was registered with)
 * @param readOnly whether an operator marked it read-only
 */
public record BrokerGroupView(BrokerGroup group, boolean readOnly) {
}

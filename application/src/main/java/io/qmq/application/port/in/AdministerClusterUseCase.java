package io.qmq.application.port.in;

import io.qmq.domain.cluster.BrokerGroup;
import io.qmq.domain.message.Subject;
import java.util.List;
import java.util.Optional;

/** What an operator may see and change of the cluster through the meta server. */
public interface AdministerClusterUseCase {

    /** Every broker group, ordered by name, with the operator's read-only mark. */
    List<BrokerGroupView> brokerGroups();

    /** Every assigned subject with its groups, ordered by subject name. */
    List<SubjectGroups> subjects();

    /**
     * Routes the subject to exactly these realtime groups, assigning it if it is new and moving it
     * otherwise. Throws {@link UnknownBrokerGroupException} for a group the meta server does not know,
     * {@link ClusterChangeRefusedException} for a delay group or a concurrent change of the same subject.
     * A group removed while the route is written is unknown too: the route is left as it was.
     */
    SubjectGroups assign(Subject subject, List<String> groupNames);

    /** Marks the group read-only or writable again; throws {@link UnknownBrokerGroupException}. */
    BrokerGroupView markReadOnly(String groupName, boolean readOnly);

    /**
     * The consumer groups of the subject, or of every assigned subject when empty, with their consumers
     * and their backlog as the broker groups last reported it.
     */
    List<ConsumerGroupView> consumerGroups(Optional<Subject> subject);

    /** Registers a broker group by hand, as the broker itself would at start-up. */
    BrokerGroupView register(BrokerGroup group);

    /**
     * Forgets the group and its backlog report. Throws {@link UnknownBrokerGroupException}, or
     * {@link ClusterChangeRefusedException} naming the subjects still routed to it. The refusal is atomic
     * with the removal: a subject routed to the group at the same moment makes one of the two fail.
     */
    void remove(String groupName);
}

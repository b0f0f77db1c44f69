package io.qmq.application.port.out;

import io.qmq.domain.cluster.BrokerGroup;
import java.util.List;
import java.util.Optional;

/** The broker groups of the cluster, as the meta server knows them. */
public interface BrokerGroupStore {

    /** Inserts the group or replaces the one of the same name. */
    void save(BrokerGroup group);

    Optional<BrokerGroup> find(String name);

    /** All groups, ordered by name. */
    List<BrokerGroup> all();

    /**
     * Forgets the group; returns whether it was known. Throws {@link BrokerGroupStillRoutedException},
     * removing nothing, while a route of the {@link SubjectRouteStore} over the same storage names it.
     */
    boolean remove(String name);
}

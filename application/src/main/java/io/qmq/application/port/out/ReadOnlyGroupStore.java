package io.qmq.application.port.out;

import java.util.Set;

/**
 * Operators' read-only marks on broker groups. A marked group takes no new sends (producers are
 * routed elsewhere and the broker refuses what still reaches it) while its consumers drain it. The
 * mark is kept apart from the state brokers report in their heartbeats, which would overwrite it.
 */
public interface ReadOnlyGroupStore {

    /** Marks the group read-only, or writable again. Marking a group twice changes nothing. */
    void setReadOnly(String groupName, boolean readOnly);

    /** The names of the groups marked read-only. */
    Set<String> readOnlyGroups();
}

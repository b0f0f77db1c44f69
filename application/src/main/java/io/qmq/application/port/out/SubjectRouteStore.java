package io.qmq.application.port.out;

import io.qmq.domain.message.Subject;
import java.util.List;
import java.util.Map;

/**
 * Which broker groups each subject is assigned to. Subjects here are always real subjects.
 *
 * <p>A route names only groups of the {@link BrokerGroupStore} over the same storage: a write naming a
 * group it does not hold fails with {@link BrokerGroupMissingException}, and a group a route names
 * cannot be removed. Both checks are atomic with the write, across meta servers sharing the store.
 */
public interface SubjectRouteStore {

    /** The names of the groups assigned to the subject, in assignment order; empty if unassigned. */
    List<String> groupsOf(Subject subject);

    /**
     * Assigns the groups to the subject unless it already has an assignment, atomically even across
     * meta servers sharing the store. Returns the assignment in force afterwards. Throws
     * {@link BrokerGroupMissingException} when the subject is unassigned and a group does not exist.
     */
    List<String> assignIfAbsent(Subject subject, List<String> groupNames);

    /**
     * Replaces the subject's groups with {@code replacement} if they are still {@code expected}
     * (compare-and-set, atomic across meta servers sharing the store). Returns whether it replaced them.
     * Throws {@link BrokerGroupMissingException} when they are and a replacement group does not exist.
     */
    boolean replace(Subject subject, List<String> expected, List<String> replacement);

    /** Every assigned subject with its groups. */
    Map<Subject, List<String>> all();
}

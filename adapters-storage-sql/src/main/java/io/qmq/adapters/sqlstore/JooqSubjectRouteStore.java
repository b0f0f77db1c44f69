package io.qmq.adapters.sqlstore;

import static io.qmq.adapters.sqlstore.ColumnWidths.fitting;
import static io.qmq.adapters.sqlstore.schema.Tables.BROKER_GROUP;
import static io.qmq.adapters.sqlstore.schema.Tables.SUBJECT_ROUTE;
import static io.qmq.adapters.sqlstore.schema.Tables.SUBJECT_ROUTE_GROUP;

import io.qmq.application.port.out.BrokerGroupMissingException;
import io.qmq.application.port.out.SubjectRouteStore;
import io.qmq.domain.message.Subject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep3;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes in table {@code subject_route} (one row per subject, unique) and their groups in
 * {@code subject_route_group} (ordered by {@code list_position}), written together in one transaction.
 *
 * <p>First writer wins across meta servers: an assignment inserts the route row, and a concurrent
 * insert of the same subject waits for it and then fails on the unique key; the loser rolls back and
 * reads the winner's groups, which are committed by then.
 *
 * <p>Each group name refers to a row of {@code broker_group} (foreign key): a write naming a group that
 * is gone, or that another meta server is removing, fails and rolls back whole.
 */
final class JooqSubjectRouteStore implements SubjectRouteStore {

    private static final Logger log = LoggerFactory.getLogger(JooqSubjectRouteStore.class);

    private final DSLContext sql;

    JooqSubjectRouteStore(DSLContext sql) {
        this.sql = sql;
    }

    @Override
    public List<String> groupsOf(Subject subject) {
        try {
            return sql.select(SUBJECT_ROUTE_GROUP.GROUP_NAME)
                    .from(SUBJECT_ROUTE_GROUP)
                    .join(SUBJECT_ROUTE).on(SUBJECT_ROUTE.ID.eq(SUBJECT_ROUTE_GROUP.ROUTE_ID))
                    .where(SUBJECT_ROUTE.SUBJECT.eq(subject.name()))
                    .orderBy(SUBJECT_ROUTE_GROUP.LIST_POSITION)
                    .fetch(SUBJECT_ROUTE_GROUP.GROUP_NAME);
        } catch (DataAccessException e) {
            throw new MetaDataStoreException("could not read the route of subject '" + subject + "'", e);
        }
    }

    @Override
    public List<String> assignIfAbsent(Subject subject, List<String> groupNames) {
        List<String> proposal = checked(subject, groupNames);
        List<String> existing = groupsOf(subject);
        if (!existing.isEmpty()) {
            return existing;
        }
        try {
            sql.transaction(transaction -> insertRoute(transaction.dsl(), subject, proposal));
            return proposal;
        } catch (DataAccessException e) {
            if (ForeignKeys.parentMissing(e)) {
                throw missing(proposal, e);
            }
            if (!UniqueKeys.violatedBy(e)) {
                throw new MetaDataStoreException("could not assign subject '" + subject + "' to " + proposal, e);
            }
        }
        List<String> winner = groupsOf(subject);
        log.debug("Subject {} was assigned to {} by another meta server first", subject, winner);
        if (winner.isEmpty()) {
            throw new MetaDataStoreException("subject '" + subject + "' is reported assigned, yet has no route", null);
        }
        return winner;
    }

    /**
     * Compare-and-set on the route's version: the conditional update holds the route row until the
     * transaction commits, so of two meta servers replacing one route only one sees its update count.
     */
    @Override
    public boolean replace(Subject subject, List<String> expected, List<String> replacement) {
        List<String> proposal = checked(subject, replacement);
        try {
            return sql.transactionResult(transaction -> replaceIfUnchanged(transaction.dsl(), subject, expected, proposal));
        } catch (DataAccessException e) {
            if (ForeignKeys.parentMissing(e)) {
                throw missing(proposal, e);
            }
            throw new MetaDataStoreException("could not replace the route of subject '" + subject + "' with " + proposal, e);
        }
    }

    private boolean replaceIfUnchanged(DSLContext transaction, Subject subject, List<String> expected, List<String> proposal) {
        var route = transaction.select(SUBJECT_ROUTE.ID, SUBJECT_ROUTE.VERSION)
                .from(SUBJECT_ROUTE)
                .where(SUBJECT_ROUTE.SUBJECT.eq(subject.name()))
                .fetchOne();
        if (route == null || !groupsOf(transaction, route.value1()).equals(expected)) {
            return false;
        }
        int updated = transaction.update(SUBJECT_ROUTE)
                .set(SUBJECT_ROUTE.VERSION, route.value2() + 1)
                .where(SUBJECT_ROUTE.ID.eq(route.value1()).and(SUBJECT_ROUTE.VERSION.eq(route.value2())))
                .execute();
        if (updated == 0) {
            return false;
        }
        transaction.deleteFrom(SUBJECT_ROUTE_GROUP).where(SUBJECT_ROUTE_GROUP.ROUTE_ID.eq(route.value1())).execute();
        insertGroups(transaction, route.value1(), proposal);
        return true;
    }

    /** Names the groups of the proposal that are gone now, or all of them if none is (re-registered since). */
    private BrokerGroupMissingException missing(List<String> proposal, DataAccessException cause) {
        List<String> missing = proposal;
        try {
            List<String> existing = sql.select(BROKER_GROUP.GROUP_NAME).from(BROKER_GROUP)
                    .where(BROKER_GROUP.GROUP_NAME.in(proposal)).fetch(BROKER_GROUP.GROUP_NAME);
            List<String> gone = proposal.stream().filter(name -> !existing.contains(name)).toList();
            missing = gone.isEmpty() ? proposal : gone;
        } catch (DataAccessException e) {
            log.debug("could not tell which of {} are missing", proposal, e);
        }
        return new BrokerGroupMissingException(missing, cause);
    }

    private static List<String> groupsOf(DSLContext transaction, long routeId) {
        return transaction.select(SUBJECT_ROUTE_GROUP.GROUP_NAME)
                .from(SUBJECT_ROUTE_GROUP)
                .where(SUBJECT_ROUTE_GROUP.ROUTE_ID.eq(routeId))
                .orderBy(SUBJECT_ROUTE_GROUP.LIST_POSITION)
                .fetch(SUBJECT_ROUTE_GROUP.GROUP_NAME);
    }

    @Override
    public Map<Subject, List<String>> all() {
        Map<Subject, List<String>> routes = new LinkedHashMap<>();
        try {
            sql.select(SUBJECT_ROUTE.SUBJECT, SUBJECT_ROUTE_GROUP.GROUP_NAME)
                    .from(SUBJECT_ROUTE)
                    .join(SUBJECT_ROUTE_GROUP).on(SUBJECT_ROUTE_GROUP.ROUTE_ID.eq(SUBJECT_ROUTE.ID))
                    .orderBy(SUBJECT_ROUTE.SUBJECT, SUBJECT_ROUTE_GROUP.LIST_POSITION)
                    .forEach(row -> routes.computeIfAbsent(Subject.of(row.value1()), s -> new ArrayList<>()).add(row.value2()));
        } catch (DataAccessException e) {
            throw new MetaDataStoreException("could not list subject routes", e);
        }
        routes.replaceAll((subject, groups) -> List.copyOf(groups));
        return Collections.unmodifiableMap(routes);
    }

    /** At least one group, none twice, and every name fits its column. */
    private static List<String> checked(Subject subject, List<String> groupNames) {
        List<String> proposal = List.copyOf(groupNames);
        if (proposal.isEmpty() || new HashSet<>(proposal).size() != proposal.size()) {
            throw new IllegalArgumentException("subject " + subject + " needs distinct broker groups, got " + proposal);
        }
        fitting(SUBJECT_ROUTE.SUBJECT, subject.name());
        proposal.forEach(group -> fitting(SUBJECT_ROUTE_GROUP.GROUP_NAME, group));
        return proposal;
    }

    private static void insertRoute(DSLContext transaction, Subject subject, List<String> groupNames) {
        transaction.insertInto(SUBJECT_ROUTE).set(SUBJECT_ROUTE.SUBJECT, subject.name()).execute();
        // read back rather than INSERT ... RETURNING, which MySQL's driver refuses against MariaDB
        long routeId = transaction.select(SUBJECT_ROUTE.ID)
                .from(SUBJECT_ROUTE)
                .where(SUBJECT_ROUTE.SUBJECT.eq(subject.name()))
                .fetchSingle(SUBJECT_ROUTE.ID);
        insertGroups(transaction, routeId, groupNames);
    }

    private static void insertGroups(DSLContext transaction, long routeId, List<String> groupNames) {
        InsertValuesStep3<?, Long, Integer, String> groups = transaction
                .insertInto(SUBJECT_ROUTE_GROUP, SUBJECT_ROUTE_GROUP.ROUTE_ID, SUBJECT_ROUTE_GROUP.LIST_POSITION, SUBJECT_ROUTE_GROUP.GROUP_NAME);
        for (int position = 0; position < groupNames.size(); position++) {
            groups = groups.values(routeId, position, groupNames.get(position));
        }
        groups.execute();
    }
}

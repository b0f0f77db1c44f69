package io.qmq.application.service;

import io.qmq.application.port.in.ResolveRouteUseCase;
import io.qmq.application.port.out.BrokerGroupMissingException;
import io.qmq.application.port.out.BrokerGroupStore;
import io.qmq.application.port.out.MetaDataUnavailableException;
import io.qmq.application.port.out.ReadOnlyGroupStore;
import io.qmq.application.port.out.SubjectRouteStore;
import io.qmq.domain.cluster.BrokerGroup;
import io.qmq.domain.cluster.BrokerGroupKind;
import io.qmq.domain.cluster.BrokerState;
import io.qmq.domain.cluster.ClientType;
import io.qmq.domain.message.Subject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Routes subjects to broker groups. A realtime subject is assigned to the least loaded online groups
 * and keeps them; while it has fewer than the configured minimum, groups that join later are added,
 * so a new broker takes its share without an operator. Retry and dead-letter subjects follow their
 * real subject. Delayed sends may go to any usable delay group, since a delay group forwards to
 * whichever realtime group holds the subject. Groups an operator marked read-only are left out for
 * producers and shown read-only to consumers.
 *
 * <p>When the meta-data store is unreachable, the last answer for the subject and client type is
 * given again: clients keep working with what the meta server knew. A group picked for a subject that
 * an operator removes before the route is written fails the write; the groups are then picked again.
 */
public final class ResolveRouteService implements ResolveRouteUseCase {

    private static final System.Logger LOG = System.getLogger(ResolveRouteService.class.getName());
    /** Each pick loses only to a removal that happened after it read the groups; a few always suffice. */
    private static final int PICKS = 3;

    private record Key(Subject subject, ClientType type) {
    }

    private final BrokerGroupStore groups;
    private final SubjectRouteStore routes;
    private final ReadOnlyGroupStore readOnly;
    private final RouteSettings settings;
    private final Map<Key, List<BrokerGroup>> lastAnswers = new ConcurrentHashMap<>();

    public ResolveRouteService(BrokerGroupStore groups, SubjectRouteStore routes, ReadOnlyGroupStore readOnly,
                               RouteSettings settings) {
        this.groups = groups;
        this.routes = routes;
        this.readOnly = readOnly;
        this.settings = settings;
    }

    @Override
    public List<BrokerGroup> resolve(Subject subject, ClientType type) {
        Key key = new Key(subject.real(), type);
        try {
            List<BrokerGroup> answer = resolveFromStore(key);
            lastAnswers.put(key, answer);
            return answer;
        } catch (MetaDataUnavailableException e) {
            List<BrokerGroup> known = lastAnswers.get(key);
            if (known == null) {
                throw e;
            }
            LOG.log(System.Logger.Level.WARNING, "meta-data store unavailable; answering " + key + " from memory: " + e.getMessage());
            return known;
        }
    }

    private List<BrokerGroup> resolveFromStore(Key key) {
        for (int pick = 1; ; pick++) {
            try {
                return resolveOnce(key);
            } catch (BrokerGroupMissingException e) {
                if (pick == PICKS) {
                    throw e;
                }
                LOG.log(System.Logger.Level.INFO, "broker groups " + e.missing() + " were removed while "
                        + key.subject() + " was routed to them; picking again");
            }
        }
    }

    private List<BrokerGroup> resolveOnce(Key key) {
        List<BrokerGroup> all = effective(groups.all());
        if (key.type().routesTo() == BrokerGroupKind.DELAY) {
            return all.stream().filter(g -> g.kind() == BrokerGroupKind.DELAY && key.type().canUse(g.state())).toList();
        }
        List<String> assigned = topUp(key.subject(), routes.groupsOf(key.subject()), all);
        Map<String, BrokerGroup> byName = new HashMap<>();
        all.forEach(g -> byName.put(g.name(), g));
        return assigned.stream().map(byName::get)
                .filter(g -> g != null && key.type().canUse(g.state()))
                .toList();
    }

    /** The groups with operators' read-only marks applied over the states brokers reported. */
    private List<BrokerGroup> effective(List<BrokerGroup> reported) {
        Set<String> marked = readOnly.readOnlyGroups();
        return reported.stream().map(g -> !marked.contains(g.name()) ? g
                : g.withState(g.state().isReadable() ? BrokerState.READ_ONLY : BrokerState.OFFLINE, g.updatedAt())).toList();
    }

    /** Adds the least loaded writable groups until the subject has the minimum, if there are any. */
    private List<String> topUp(Subject subject, List<String> assigned, List<BrokerGroup> all) {
        if (assigned.size() >= settings.minGroupsPerSubject()) {
            return assigned;
        }
        Map<String, Integer> load = subjectsPerGroup();
        List<String> added = all.stream()
                .filter(g -> g.kind() == BrokerGroupKind.REALTIME && g.state().isWritable() && !assigned.contains(g.name()))
                .sorted(Comparator.comparingInt((BrokerGroup g) -> load.getOrDefault(g.name(), 0)).thenComparing(BrokerGroup::name))
                .limit(settings.minGroupsPerSubject() - assigned.size())
                .map(BrokerGroup::name)
                .toList();
        if (added.isEmpty()) {
            return assigned;
        }
        List<String> wanted = new ArrayList<>(assigned);
        wanted.addAll(added);
        if (assigned.isEmpty()) {
            return routes.assignIfAbsent(subject, wanted);
        }
        return routes.replace(subject, assigned, wanted) ? wanted : routes.groupsOf(subject);
    }

    private Map<String, Integer> subjectsPerGroup() {
        Map<String, Integer> load = new HashMap<>();
        routes.all().values().forEach(names -> names.forEach(n -> load.merge(n, 1, Integer::sum)));
        return load;
    }
}

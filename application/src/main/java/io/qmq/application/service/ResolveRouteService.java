package io.qmq.application.service;

import io.qmq.application.port.in.ResolveRouteUseCase;
import io.qmq.application.port.out.BrokerGroupStore;
import io.qmq.application.port.out.SubjectRouteStore;
import io.qmq.domain.cluster.BrokerGroup;
import io.qmq.domain.cluster.BrokerGroupKind;
import io.qmq.domain.cluster.BrokerState;
import io.qmq.domain.cluster.ClientType;
import io.qmq.domain.message.Subject;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Routes subjects to broker groups. A realtime subject seen for the first time is assigned to the
 * least loaded online groups and keeps them; retry and dead-letter subjects follow their real
 * subject. Delayed sends may go to any usable delay group, since a delay group forwards to whichever
 * realtime group holds the subject.
 */
public final class ResolveRouteService implements ResolveRouteUseCase {

    private final BrokerGroupStore groups;
    private final SubjectRouteStore routes;
    private final RouteSettings settings;

    public ResolveRouteService(BrokerGroupStore groups, SubjectRouteStore routes, RouteSettings settings) {
        this.groups = groups;
        this.routes = routes;
        this.settings = settings;
    }

    @Override
    public List<BrokerGroup> resolve(Subject subject, ClientType type) {
        List<BrokerGroup> all = groups.all();
        if (type.routesTo() == BrokerGroupKind.DELAY) {
            return all.stream().filter(g -> g.kind() == BrokerGroupKind.DELAY && type.canUse(g.state())).toList();
        }
        Subject real = subject.real();
        List<String> assigned = routes.groupsOf(real);
        if (assigned.isEmpty()) {
            assigned = assign(real, all);
        }
        Map<String, BrokerGroup> byName = new HashMap<>();
        all.forEach(g -> byName.put(g.name(), g));
        return assigned.stream().map(byName::get)
                .filter(g -> g != null && type.canUse(g.state()))
                .toList();
    }

    private List<String> assign(Subject subject, List<BrokerGroup> all) {
        List<BrokerGroup> online = all.stream()
                .filter(g -> g.kind() == BrokerGroupKind.REALTIME && g.state() != BrokerState.OFFLINE)
                .toList();
        if (online.isEmpty()) {
            return List.of();
        }
        Map<String, Integer> load = subjectsPerGroup();
        List<String> chosen = online.stream()
                .sorted(Comparator.comparingInt((BrokerGroup g) -> load.getOrDefault(g.name(), 0)).thenComparing(BrokerGroup::name))
                .limit(settings.minGroupsPerSubject())
                .map(BrokerGroup::name)
                .toList();
        return routes.assignIfAbsent(subject, chosen);
    }

    private Map<String, Integer> subjectsPerGroup() {
        Map<String, Integer> load = new HashMap<>();
        routes.all().values().forEach(names -> names.forEach(n -> load.merge(n, 1, Integer::sum)));
        return load;
    }

    /** The group of the given name, if the cluster knows it. */
    public Optional<BrokerGroup> group(String name) {
        return groups.find(name);
    }
}

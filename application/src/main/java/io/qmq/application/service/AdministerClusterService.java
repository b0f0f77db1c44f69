package io.qmq.application.service;

import io.qmq.application.port.in.AdministerClusterUseCase;
import io.qmq.application.port.in.BrokerGroupView;
import io.qmq.application.port.in.ClusterChangeRefusedException;
import io.qmq.application.port.in.ConsumerGroupView;
import io.qmq.application.port.in.RegisterBrokerUseCase;
import io.qmq.application.port.in.SubjectGroups;
import io.qmq.application.port.in.UnknownBrokerGroupException;
import io.qmq.application.port.in.UnknownSubjectException;
import io.qmq.application.port.out.BrokerGroupStore;
import io.qmq.application.port.out.ClientRegistrationStore;
import io.qmq.application.port.out.ReadOnlyGroupStore;
import io.qmq.application.port.out.SubjectRouteStore;
import io.qmq.domain.cluster.BrokerGroup;
import io.qmq.domain.cluster.BrokerGroupKind;
import io.qmq.domain.message.Subject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The operator's view of the cluster, and the changes an operator may make. Routes change by
 * compare-and-set, so a move racing with another meta server's change is refused, never lost.
 */
public final class AdministerClusterService implements AdministerClusterUseCase {

    private final BrokerGroupStore groups;
    private final SubjectRouteStore routes;
    private final ReadOnlyGroupStore readOnly;
    private final RegisterBrokerUseCase registration;
    private final ConsumerGroups consumers;

    public AdministerClusterService(BrokerGroupStore groups, SubjectRouteStore routes, ReadOnlyGroupStore readOnly,
                                    RegisterBrokerUseCase registration, ConsumerGroups consumers) {
        this.groups = groups;
        this.routes = routes;
        this.readOnly = readOnly;
        this.registration = registration;
        this.consumers = consumers;
    }

    @Override
    public List<BrokerGroupView> brokerGroups() {
        Set<String> marked = readOnly.readOnlyGroups();
        return groups.all().stream().map(g -> new BrokerGroupView(g, marked.contains(g.name()))).toList();
    }

    @Override
    public List<SubjectGroups> subjects() {
        return routes.all().entrySet().stream()
                .map(e -> new SubjectGroups(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(s -> s.subject().name()))
                .toList();
    }

    @Override
    public SubjectGroups assign(Subject subject, List<String> groupNames) {
        List<String> wanted = List.copyOf(new LinkedHashSet<>(groupNames));
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("a subject needs at least one broker group");
        }
        wanted.forEach(this::requireRealtime);
        List<String> current = routes.groupsOf(subject);
        if (current.isEmpty()) {
            List<String> inForce = routes.assignIfAbsent(subject, wanted);
            if (inForce.equals(wanted)) {
                return new SubjectGroups(subject, inForce);
            }
            current = inForce;
        }
        if (!current.equals(wanted) && !routes.replace(subject, current, wanted)) {
            throw new ClusterChangeRefusedException("subject '" + subject.name()
                    + "' was changed concurrently by another operator or meta server; look again and retry");
        }
        return new SubjectGroups(subject, wanted);
    }

    private void requireRealtime(String groupName) {
        BrokerGroup group = groups.find(groupName).orElseThrow(() -> new UnknownBrokerGroupException(groupName));
        if (group.kind() != BrokerGroupKind.REALTIME) {
            throw new ClusterChangeRefusedException("broker group '" + groupName + "' is a " + group.kind()
                    + " group; subjects are routed to realtime groups only");
        }
    }

    @Override
    public BrokerGroupView markReadOnly(String groupName, boolean markReadOnly) {
        BrokerGroup group = groups.find(groupName).orElseThrow(() -> new UnknownBrokerGroupException(groupName));
        readOnly.setReadOnly(groupName, markReadOnly);
        return new BrokerGroupView(group, markReadOnly);
    }

    @Override
    public List<ConsumerGroupView> consumerGroups(Optional<Subject> subject) {
        if (subject.isEmpty()) {
            List<ConsumerGroupView> all = new ArrayList<>();
            routes.all().keySet().stream().sorted(Comparator.comparing(Subject::name))
                    .forEach(s -> all.addAll(consumers.of(s)));
            return all;
        }
        List<ConsumerGroupView> found = consumers.of(subject.get());
        if (found.isEmpty() && routes.groupsOf(subject.get()).isEmpty()) {
            throw new UnknownSubjectException(subject.get());
        }
        return found;
    }

    @Override
    public BrokerGroupView register(BrokerGroup group) {
        registration.register(group);
        return new BrokerGroupView(group, readOnly.readOnlyGroups().contains(group.name()));
    }

    @Override
    public void remove(String groupName) {
        groups.find(groupName).orElseThrow(() -> new UnknownBrokerGroupException(groupName));
        List<String> routed = routes.all().entrySet().stream()
                .filter(e -> e.getValue().contains(groupName))
                .map(e -> e.getKey().name()).sorted().toList();
        if (!routed.isEmpty()) {
            throw new ClusterChangeRefusedException("broker group '" + groupName + "' still serves subjects "
                    + routed + "; move them to other groups first");
        }
        groups.remove(groupName);
        readOnly.setReadOnly(groupName, false);
    }
}

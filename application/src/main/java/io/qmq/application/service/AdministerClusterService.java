package io.qmq.application.service;

import io.qmq.application.port.in.AdministerClusterUseCase;
import io.qmq.application.port.in.BrokerGroupView;
import io.qmq.application.port.in.ClusterChangeRefusedException;
import io.qmq.application.port.in.ConsumerGroupView;
import io.qmq.application.port.in.RegisterBrokerUseCase;
import io.qmq.application.port.in.SubjectGroups;
import io.qmq.application.port.in.UnknownBrokerGroupException;
import io.qmq.application.port.in.UnknownSubjectException;
import io.qmq.application.port.out.BacklogReportStore;
import io.qmq.application.port.out.BrokerGroupMissingException;
import io.qmq.application.port.out.BrokerGroupStillRoutedException;
import io.qmq.application.port.out.BrokerGroupStore;
import io.qmq.application.port.out.ReadOnlyGroupStore;
import io.qmq.application.port.out.SubjectRouteStore;
import io.qmq.domain.cluster.BrokerGroup;
import io.qmq.domain.cluster.BrokerGroupKind;
import io.qmq.domain.cluster.GroupSlave;
import io.qmq.domain.message.Subject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The operator's view of the cluster, and the changes an operator may make. Routes change by
 * compare-and-set, so a move racing with another meta server's change is refused, never lost. A group
 * is removed only while no route names it, which the stores check atomically with the write: removing a
 * group and routing a subject to it at once never both succeed.
 */
public final class AdministerClusterService implements AdministerClusterUseCase {

    private final BrokerGroupStore groups;
    private final SubjectRouteStore routes;
    private final ReadOnlyGroupStore readOnly;
    private final RegisterBrokerUseCase registration;
    private final ConsumerGroups consumers;
    private final BacklogReportStore backlogReports;

    public AdministerClusterService(BrokerGroupStore groups, SubjectRouteStore routes, ReadOnlyGroupStore readOnly,
                                    RegisterBrokerUseCase registration, ConsumerGroups consumers,
                                    BacklogReportStore backlogReports) {
        this.groups = groups;
        this.routes = routes;
        this.readOnly = readOnly;
        this.registration = registration;
        this.consumers = consumers;
        this.backlogReports = backlogReports;
    }

    @Override
    public List<BrokerGroupView> brokerGroups() {
        Set<String> marked = readOnly.readOnlyGroups();
        Map<String, GroupSlave> slaves = registration.slaves();
        return groups.all().stream()
                .map(g -> new BrokerGroupView(g, marked.contains(g.name()), Optional.ofNullable(slaves.get(g.name()))))
                .toList();
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
        try {
            return route(subject, wanted);
        } catch (BrokerGroupMissingException e) {
            throw new UnknownBrokerGroupException(e.missing().get(0));
        }
    }

    private SubjectGroups route(Subject subject, List<String> wanted) {
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
        ReportedBacklogs backlogs = consumers.reportedBacklogs();
        if (subject.isEmpty()) {
            List<ConsumerGroupView> all = new ArrayList<>();
            routes.all().entrySet().stream().sorted(Comparator.comparing(e -> e.getKey().name()))
                    .forEach(e -> all.addAll(consumers.of(e.getKey(), e.getValue(), backlogs)));
            return all;
        }
        List<String> routed = routes.groupsOf(subject.get());
        List<ConsumerGroupView> found = consumers.of(subject.get(), routed, backlogs);
        if (found.isEmpty() && routed.isEmpty()) {
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
        try {
            if (!groups.remove(groupName)) {
                throw new UnknownBrokerGroupException(groupName);
            }
        } catch (BrokerGroupStillRoutedException e) {
            throw new ClusterChangeRefusedException("broker group '" + groupName + "' still serves subjects "
                    + routedTo(groupName) + "; move them to other groups first");
        }
        readOnly.setReadOnly(groupName, false);
        backlogReports.remove(groupName);
        registration.forgetSlave(groupName);
    }

    private List<String> routedTo(String groupName) {
        return routes.all().entrySet().stream()
                .filter(e -> e.getValue().contains(groupName))
                .map(e -> e.getKey().name()).sorted().toList();
    }
}

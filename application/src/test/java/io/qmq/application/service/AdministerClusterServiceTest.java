package io.qmq.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qmq.application.fixtures.InMemoryBacklogReportStore;
import io.qmq.application.fixtures.InMemoryBrokerGroupStore;
import io.qmq.application.fixtures.InMemoryClientRegistrationStore;
import io.qmq.application.fixtures.InMemoryReadOnlyGroupStore;
import io.qmq.application.fixtures.InMemorySubjectRouteStore;
import io.qmq.application.port.in.BrokerGroupView;
import io.qmq.application.port.in.ClusterChangeRefusedException;
import io.qmq.application.port.in.ConsumerGroupBacklog;
import io.qmq.application.port.in.ConsumerGroupView;
import io.qmq.application.port.in.UnknownBrokerGroupException;
import io.qmq.application.port.in.UnknownSubjectException;
import io.qmq.domain.cluster.BacklogReport;
import io.qmq.domain.cluster.BrokerGroup;
import io.qmq.domain.cluster.BrokerGroupKind;
import io.qmq.domain.cluster.BrokerState;
import io.qmq.domain.cluster.ClientRegistration;
import io.qmq.domain.cluster.ClientType;
import io.qmq.domain.cluster.GroupSlave;
import io.qmq.domain.consumer.ConsumerGroup;
import io.qmq.domain.consumer.Subscription;
import io.qmq.domain.message.Subject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdministerClusterServiceTest {

    private static final Subject ORDERS = Subject.of("orders");

    private final ManualClock clock = new ManualClock();
    private final InMemoryBrokerGroupStore groups = new InMemoryBrokerGroupStore();
    private final InMemorySubjectRouteStore routes = new InMemorySubjectRouteStore(groups);
    private final InMemoryReadOnlyGroupStore readOnly = new InMemoryReadOnlyGroupStore();
    private final InMemoryClientRegistrationStore clients = new InMemoryClientRegistrationStore();
    private final InMemoryBacklogReportStore backlogs = new InMemoryBacklogReportStore();
    private final RegisterBrokerService registration = new RegisterBrokerService(groups, readOnly);
    private final AdministerClusterService admin = adminOver(groups, registration);

    @BeforeEach
    void cluster() {
        groups.save(group("a", BrokerGroupKind.REALTIME));
        groups.save(group("b", BrokerGroupKind.REALTIME));
        groups.save(group("d", BrokerGroupKind.DELAY));
    }

    @Test
    void listsGroupsWithTheOperatorsReadOnlyMark() {
        admin.markReadOnly("b", true);

        assertThat(admin.brokerGroups()).extracting(v -> v.group().name() + ":" + v.readOnly())
                .containsExactly("a:false", "b:true", "d:false");
    }

    @Test
    void markingAnUnknownGroupIsRefusedByName() {
        assertThatThrownBy(() -> admin.markReadOnly("nope", true))
                .isInstanceOf(UnknownBrokerGroupException.class).hasMessageContaining("'nope'");
        assertThat(readOnly.readOnlyGroups()).isEmpty();
    }

    @Test
    void writableAgainClearsTheMark() {
        admin.markReadOnly("a", true);

        BrokerGroupView view = admin.markReadOnly("a", false);

        assertThat(view.readOnly()).isFalse();
        assertThat(readOnly.readOnlyGroups()).isEmpty();
    }

    @Test
    void assignsANewSubjectAndMovesAnAssignedOne() {
        assertThat(admin.assign(ORDERS, List.of("a")).groups()).containsExactly("a");

        admin.assign(ORDERS, List.of("b", "a"));

        assertThat(routes.groupsOf(ORDERS)).containsExactly("b", "a");
        assertThat(admin.subjects()).singleElement().satisfies(s -> assertThat(s.groups()).containsExactly("b", "a"));
    }

    @Test
    void assigningToAnUnknownOrDelayGroupChangesNothing() {
        admin.assign(ORDERS, List.of("a"));

        assertThatThrownBy(() -> admin.assign(ORDERS, List.of("a", "zz"))).isInstanceOf(UnknownBrokerGroupException.class);
        assertThatThrownBy(() -> admin.assign(ORDERS, List.of("d"))).isInstanceOf(ClusterChangeRefusedException.class)
                .hasMessageContaining("realtime");
        assertThatThrownBy(() -> admin.assign(ORDERS, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(routes.groupsOf(ORDERS)).containsExactly("a");
    }

    @Test
    void removalIsRefusedWhileSubjectsAreRoutedToTheGroup() {
        admin.assign(ORDERS, List.of("a", "b"));

        assertThatThrownBy(() -> admin.remove("a")).isInstanceOf(ClusterChangeRefusedException.class)
                .hasMessageContaining("orders");
        assertThat(groups.find("a")).isPresent();

        admin.assign(ORDERS, List.of("b"));
        admin.remove("a");

        assertThat(groups.find("a")).isEmpty();
        assertThatThrownBy(() -> admin.remove("a")).isInstanceOf(UnknownBrokerGroupException.class);
    }

    @Test
    void registersAGroupByHand() {
        admin.register(new BrokerGroup("c", BrokerGroupKind.REALTIME, "10.0.0.3:20881", BrokerState.READ_WRITE, 5L));

        assertThat(admin.brokerGroups()).extracting(v -> v.group().name()).contains("c");
    }

    @Test
    void consumersAreGroupedAndOnlineOnlyWhenSeenRecently() {
        admin.assign(ORDERS, List.of("a"));
        clients.record(consumer("old-client", "billing"));
        clients.record(new ClientRegistration(ORDERS, ClientType.PRODUCER, "app", "producer-1", "", clock.millis()));
        clock.advance(Duration.ofMinutes(4));
        clients.record(consumer("new-client", "billing"));
        clients.record(consumer("audit-1", "audit"));
        clients.record(consumer("delay-node", "")); // asks the consumer route only to find stored messages

        List<ConsumerGroupView> views = admin.consumerGroups(Optional.of(ORDERS));

        assertThat(views).extracting(ConsumerGroupView::consumerGroup).containsExactly("billing", "audit");
        assertThat(views.get(0).consumers()).extracting(c -> c.clientId() + ":" + c.online())
                .containsExactly("old-client:false", "new-client:true");
        assertThat(admin.consumerGroups(Optional.empty())).hasSize(2);
    }

    @Test
    void consumersOfAnUnknownSubjectAreRefused() {
        assertThatThrownBy(() -> admin.consumerGroups(Optional.of(Subject.of("ghost"))))
                .isInstanceOf(UnknownSubjectException.class).hasMessageContaining("ghost");
    }

    private ClientRegistration consumer(String clientId, String consumerGroup) {
        return new ClientRegistration(ORDERS, ClientType.CONSUMER, "app", clientId, consumerGroup, clock.millis());
    }

    private static BrokerGroup group(String name, BrokerGroupKind kind) {
        return new BrokerGroup(name, kind, "127.0.0.1:20881", BrokerState.READ_WRITE, 1L);
    }

    /** The service as a meta server sees the cluster through {@code groupView}; routes check the real groups. */
    private AdministerClusterService adminOver(InMemoryBrokerGroupStore groupView) {
        return adminOver(groupView, new RegisterBrokerService(groupView, readOnly));
    }

    private AdministerClusterService adminOver(InMemoryBrokerGroupStore groupView, RegisterBrokerService registered) {
        return new AdministerClusterService(groupView, routes, readOnly, registered,
                new ConsumerGroups(clients, backlogs, clock, Duration.ofMinutes(3)), backlogs);
    }

    @Test
    void assigningAGroupRemovedMeanwhileByAnotherMetaServerIsRefusedAsUnknown() {
        InMemoryBrokerGroupStore staleView = new InMemoryBrokerGroupStore();
        groups.all().forEach(staleView::save);
        staleView.save(group("gone", BrokerGroupKind.REALTIME));

        assertThatThrownBy(() -> adminOver(staleView).assign(ORDERS, List.of("a", "gone")))
                .isInstanceOf(UnknownBrokerGroupException.class).hasMessageContaining("'gone'");
        assertThat(routes.groupsOf(ORDERS)).isEmpty();
    }

    @Test
    void removingAGroupForgetsItsMarkBacklogReportAndSlave() {
        admin.markReadOnly("b", true);
        backlogs.save(new BacklogReport("b", clock.millis(), true, List.of()));
        registration.registerSlave(new GroupSlave("b", "127.0.0.1:20891", BrokerState.READ_WRITE, clock.millis()));
        registration.registerSlave(new GroupSlave("a", "127.0.0.1:20892", BrokerState.READ_WRITE, clock.millis()));

        admin.remove("b");

        assertThat(readOnly.readOnlyGroups()).isEmpty();
        assertThat(backlogs.all()).isEmpty();
        assertThat(registration.slaves()).containsOnlyKeys("a");
        admin.register(group("b", BrokerGroupKind.REALTIME));
        assertThat(admin.brokerGroups()).filteredOn(view -> view.group().name().equals("b")).singleElement()
                .satisfies(view -> assertThat(view.slave()).as("a new group b starts without the old one's slave").isEmpty());
    }

    @Test
    void consumerGroupsShowTheirBacklogSummedOverReportingGroupsAndUnknownForSilentOnes() {
        admin.assign(ORDERS, List.of("a", "b"));
        clients.record(consumer("c-1", "billing"));
        long reportedAt = clock.millis();
        backlogs.save(new BacklogReport("a", reportedAt, true, List.of(
                entry(ORDERS, "billing", 7, 2), entry(ORDERS.retryFor("billing"), "billing", 3, 1),
                entry(ORDERS.deadLetterFor("billing"), "billing", 50, 0), entry(ORDERS, "audit", 99, 0))));
        clock.advance(Duration.ofSeconds(4));

        ConsumerGroupBacklog backlog = admin.consumerGroups(Optional.of(ORDERS)).get(0).backlog();

        assertThat(backlog.shares()).extracting(ConsumerGroupBacklog.Share::brokerGroup).containsExactly("a", "b");
        assertThat(backlog.shares().get(1)).isEqualTo(ConsumerGroupBacklog.Share.unknown("b"));
        assertThat(backlog.complete()).isFalse();
        assertThat(List.of(backlog.undelivered(), backlog.unacknowledged(), backlog.retryUndelivered(),
                backlog.retryUnacknowledged())).containsExactly(7L, 2L, 3L, 1L);
        assertThat(backlog.oldestReportAgeMillis()).hasValue(4_000L);
    }

    @Test
    void aCompleteReportWithoutTheGroupMeansNoBacklogThereAndAnIncompleteOneMeansUnknown() {
        admin.assign(ORDERS, List.of("a", "b"));
        clients.record(consumer("c-1", "billing"));
        backlogs.save(new BacklogReport("a", clock.millis(), true, List.of()));
        backlogs.save(new BacklogReport("b", clock.millis(), false, List.of(entry(ORDERS, "audit", 5, 0))));
        backlogs.save(new BacklogReport("moved-off", clock.millis(), true, List.of(entry(ORDERS, "billing", 4, 0))));

        ConsumerGroupBacklog backlog = admin.consumerGroups(Optional.of(ORDERS)).get(0).backlog();

        assertThat(backlog.shares()).extracting(s -> s.brokerGroup() + ":" + s.known() + ":" + s.undelivered())
                .containsExactly("a:true:0", "b:false:0", "moved-off:true:4");
        assertThat(backlog.undelivered()).isEqualTo(4);
    }

    private static BacklogReport.Entry entry(Subject subject, String group, long undelivered, long unacknowledged) {
        return new BacklogReport.Entry(new Subscription(subject, ConsumerGroup.of(group)), undelivered, unacknowledged);
    }
}

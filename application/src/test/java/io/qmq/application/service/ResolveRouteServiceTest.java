package io.qmq.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.qmq.application.fixtures.InMemoryBrokerGroupStore;
import io.qmq.application.fixtures.InMemoryClientRegistrationStore;
import io.qmq.application.fixtures.InMemoryReadOnlyGroupStore;
import io.qmq.application.fixtures.InMemorySubjectRouteStore;
import io.qmq.application.port.in.RegisterClientCommand;
import io.qmq.application.port.in.RouteAnswer;
import io.qmq.application.port.out.BrokerGroupStore;
import io.qmq.domain.cluster.BrokerGroup;
import io.qmq.domain.cluster.BrokerGroupKind;
import io.qmq.domain.cluster.BrokerState;
import io.qmq.domain.cluster.ClientRegistration;
import io.qmq.domain.cluster.ClientType;
import io.qmq.domain.message.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ResolveRouteServiceTest {

    private final InMemoryBrokerGroupStore groups = new InMemoryBrokerGroupStore();
    private final InMemorySubjectRouteStore routes = new InMemorySubjectRouteStore(groups);
    private final InMemoryReadOnlyGroupStore readOnly = new InMemoryReadOnlyGroupStore();
    private final ResolveRouteService resolve = new ResolveRouteService(groups, routes, readOnly, new RouteSettings(1));
    private final Subject subject = Subject.of("subject-" + UUID.randomUUID());

    private void group(String name, BrokerGroupKind kind, BrokerState state) {
        groups.save(new BrokerGroup(name, kind, "127.0.0.1:" + (20000 + name.length()), state, 1));
    }

    @Test
    void aNewSubjectGoesToTheLeastLoadedGroupAndStaysThere() {
        group("a", BrokerGroupKind.REALTIME, BrokerState.READ_WRITE);
        group("b", BrokerGroupKind.REALTIME, BrokerState.READ_WRITE);
        routes.assignIfAbsent(Subject.of("busy-" + UUID.randomUUID()), java.util.List.of("a"));

        assertThat(resolve.resolve(subject, ClientType.PRODUCER)).extracting(BrokerGroup::name).containsExactly("b");
        routes.assignIfAbsent(Subject.of("busier-" + UUID.randomUUID()), java.util.List.of("b"));
        routes.assignIfAbsent(Subject.of("busiest-" + UUID.randomUUID()), java.util.List.of("b"));
        assertThat(resolve.resolve(subject, ClientType.CONSUMER)).extracting(BrokerGroup::name).containsExactly("b");
    }

    @Test
    void retryAndDeadLetterSubjectsRouteLikeTheirRealSubject() {
        group("a", BrokerGroupKind.REALTIME, BrokerState.READ_WRITE);

        var real = resolve.resolve(subject, ClientType.PRODUCER);

        assertThat(resolve.resolve(subject.retryFor("g"), ClientType.CONSUMER)).isEqualTo(real);
        assertThat(resolve.resolve(subject.deadLetterFor("g"), ClientType.PRODUCER)).isEqualTo(real);
    }

    @Test
    void readOnlyGroupsServeConsumersButNotProducers() {
        group("a", BrokerGroupKind.REALTIME, BrokerState.READ_WRITE);
        resolve.resolve(subject, ClientType.PRODUCER);
        group("a", BrokerGroupKind.REALTIME, BrokerState.READ_ONLY);

        assertThat(resolve.resolve(subject, ClientType.PRODUCER)).isEmpty();
        assertThat(resolve.resolve(subject, ClientType.CONSUMER)).extracting(BrokerGroup::name).containsExactly("a");
    }

    @Test
    void delayedSendsGoToUsableDelayGroups() {
        group("realtime", BrokerGroupKind.REALTIME, BrokerState.READ_WRITE);
        group("delay-1", BrokerGroupKind.DELAY, BrokerState.READ_WRITE);
        group("delay-2", BrokerGroupKind.DELAY, BrokerState.OFFLINE);

        assertThat(resolve.resolve(subject, ClientType.DELAY_PRODUCER)).extracting(BrokerGroup::name).containsExactly("delay-1");
    }

    @Test
    void noOnlineGroupMeansNoRouteAndNoAssignment() {
        group("down", BrokerGroupKind.REALTIME, BrokerState.OFFLINE);

        assertThat(resolve.resolve(subject, ClientType.PRODUCER)).isEmpty();
        assertThat(routes.groupsOf(subject)).isEmpty();
    }

    @Test
    void registeringAClientRecordsItAndAnswersItsRoute() {
        group("a", BrokerGroupKind.REALTIME, BrokerState.READ_WRITE);
        InMemoryClientRegistrationStore registrations = new InMemoryClientRegistrationStore();
        RegisterClientService register = new RegisterClientService(resolve, registrations);
        ClientRegistration registration = new ClientRegistration(subject, ClientType.CONSUMER, "app", "client-1", "g", 5);

        RouteAnswer answer = register.register(new RegisterClientCommand(registration, true));

        assertThat(answer.consumerOnline()).isTrue();
        assertThat(answer.groups()).extracting(BrokerGroup::name).containsExactly("a");
        assertThat(registrations.registrations(subject)).extracting(ClientRegistration::clientId).containsExactly("client-1");
    }

    @Test
    void aGroupThatJoinsLaterTopsUpASubjectBelowTheMinimumAndTheRouteThenStays() {
        ResolveRouteService twoPerSubject = new ResolveRouteService(groups, routes, readOnly, new RouteSettings(2));
        group("first", BrokerGroupKind.REALTIME, BrokerState.READ_WRITE);
        assertThat(twoPerSubject.resolve(subject, ClientType.PRODUCER)).extracting(BrokerGroup::name).containsExactly("first");

        group("second", BrokerGroupKind.REALTIME, BrokerState.READ_WRITE);
        group("third", BrokerGroupKind.REALTIME, BrokerState.READ_WRITE);

        assertThat(twoPerSubject.resolve(subject, ClientType.PRODUCER)).extracting(BrokerGroup::name)
                .hasSize(2).startsWith("first");
        assertThat(twoPerSubject.resolve(subject, ClientType.CONSUMER)).isEqualTo(twoPerSubject.resolve(subject, ClientType.PRODUCER));
    }

    @Test
    void aGroupMarkedReadOnlyLosesProducersButKeepsConsumersAndGetsNoNewSubjects() {
        group("a", BrokerGroupKind.REALTIME, BrokerState.READ_WRITE);
        resolve.resolve(subject, ClientType.PRODUCER);

        readOnly.setReadOnly("a", true);

        assertThat(resolve.resolve(subject, ClientType.PRODUCER)).isEmpty();
        assertThat(resolve.resolve(subject, ClientType.CONSUMER)).singleElement()
                .satisfies(g -> assertThat(g.state()).isEqualTo(BrokerState.READ_ONLY));
        assertThat(resolve.resolve(Subject.of("fresh-" + UUID.randomUUID()), ClientType.PRODUCER)).isEmpty();
    }

    @Test
    void whenTheStoreIsUnreachableTheLastAnswerIsGivenAgain() {
        group("a", BrokerGroupKind.REALTIME, BrokerState.READ_WRITE);
        FailingGroups failing = new FailingGroups(groups);
        ResolveRouteService tolerant = new ResolveRouteService(failing, routes, readOnly, new RouteSettings(1));
        var before = tolerant.resolve(subject, ClientType.PRODUCER);

        failing.down = true;

        assertThat(tolerant.resolve(subject, ClientType.PRODUCER)).isEqualTo(before);
        assertThat(tolerant.resolve(subject.retryFor("g"), ClientType.PRODUCER)).isEqualTo(before);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tolerant.resolve(Subject.of("unseen-" + UUID.randomUUID()), ClientType.PRODUCER))
                .isInstanceOf(io.qmq.application.port.out.MetaDataUnavailableException.class);
    }

    @Test
    void aClientIsAnsweredEvenWhenItsRegistrationCannotBeRecorded() {
        group("a", BrokerGroupKind.REALTIME, BrokerState.READ_WRITE);
        io.qmq.application.port.out.ClientRegistrationStore down = new io.qmq.application.port.out.ClientRegistrationStore() {
            @Override
            public void record(ClientRegistration registration) {
                throw new io.qmq.application.port.out.MetaDataUnavailableException("database down (test)", null);
            }

            @Override
            public java.util.List<ClientRegistration> registrations(Subject s) {
                return java.util.List.of();
            }
        };
        RegisterClientService register = new RegisterClientService(resolve, down);

        RouteAnswer answer = register.register(new RegisterClientCommand(
                new ClientRegistration(subject, ClientType.PRODUCER, "app", "client-1", "", 5), true));

        assertThat(answer.groups()).extracting(BrokerGroup::name).containsExactly("a");
    }

    /** A broker group store whose database can be switched off. */
    private static final class FailingGroups implements io.qmq.application.port.out.BrokerGroupStore {
        private final io.qmq.application.port.out.BrokerGroupStore real;
        private volatile boolean down;

        FailingGroups(io.qmq.application.port.out.BrokerGroupStore real) {
            this.real = real;
        }

        private void check() {
            if (down) {
                throw new io.qmq.application.port.out.MetaDataUnavailableException("database down (test)", null);
            }
        }

        @Override
        public void save(BrokerGroup group) {
            check();
            real.save(group);
        }

        @Override
        public java.util.Optional<BrokerGroup> find(String name) {
            check();
            return real.find(name);
        }

        @Override
        public java.util.List<BrokerGroup> all() {
            check();
            return real.all();
        }

        @Override
        public boolean remove(String name) {
            check();
            return real.remove(name);
        }
    }

    @Test
    void aGroupRemovedBetweenPickingAndRoutingIsPickedAroundAgain() {
        group("a", BrokerGroupKind.REALTIME, BrokerState.READ_WRITE);
        BrokerGroup removed = new BrokerGroup("0-removed", BrokerGroupKind.REALTIME, "127.0.0.1:20000", BrokerState.READ_WRITE, 1);
        AtomicInteger lists = new AtomicInteger();
        BrokerGroupStore staleOnce = new BrokerGroupStore() {
            @Override
            public void save(BrokerGroup group) {
                groups.save(group);
            }

            @Override
            public Optional<BrokerGroup> find(String name) {
                return groups.find(name);
            }

            @Override
            public List<BrokerGroup> all() {
                List<BrokerGroup> all = new ArrayList<>(groups.all());
                if (lists.getAndIncrement() == 0) {
                    all.add(0, removed);
                }
                return all;
            }

            @Override
            public boolean remove(String name) {
                return groups.remove(name);
            }
        };
        ResolveRouteService picking = new ResolveRouteService(staleOnce, routes, readOnly, new RouteSettings(1));

        assertThat(picking.resolve(subject, ClientType.PRODUCER)).extracting(BrokerGroup::name).containsExactly("a");
        assertThat(routes.groupsOf(subject)).containsExactly("a");
    }
}

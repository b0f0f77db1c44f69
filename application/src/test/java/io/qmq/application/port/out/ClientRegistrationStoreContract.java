package io.qmq.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import io.qmq.domain.cluster.ClientRegistration;
import io.qmq.domain.cluster.ClientType;
import io.qmq.domain.message.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ClientRegistrationStore} must do. A registration is identified by subject, client
 * type, consumer group and client id. Listed registrations carry what the client first declared
 * (app code) and when it was last seen ({@code at}), and are ordered by when they were first seen.
 * The storage may be shared with other tests, so each test uses a fresh subject.
 */
public abstract class ClientRegistrationStoreContract {

    private final Subject subject = Subject.of("subject-" + UUID.randomUUID());

    /**
     * A store over this test's storage. Each call may return a new instance (another meta server); all
     * of them, and those opened after {@link #closeAll()}, must see the same data.
     */
    protected abstract ClientRegistrationStore open();

    /** Releases what {@link #open()} acquired, as a stopping meta server would. */
    protected void closeAll() {
    }

    @AfterEach
    void releaseStores() {
        closeAll();
    }

    @Test
    void listsARecordedRegistrationWithAllItsFields() {
        ClientRegistration consumer = new ClientRegistration(subject, ClientType.CONSUMER, "billing-app", "host-1@@pid", "billing", 1_700_000_000_123L);

        open().record(consumer);

        assertThat(open().registrations(subject)).containsExactly(consumer);
    }

    @Test
    void aSubjectNobodyRegisteredHasNoRegistrations() {
        assertThat(open().registrations(Subject.of(subject.name() + "-unknown"))).isEmpty();
    }

    @Test
    void registeringAgainOnlyUpdatesWhenTheClientWasLastSeen() {
        ClientRegistrationStore store = open();
        store.record(new ClientRegistration(subject, ClientType.CONSUMER, "first-app", "c-1", "billing", 1_000L));

        store.record(new ClientRegistration(subject, ClientType.CONSUMER, "second-app", "c-1", "billing", 5_000L));

        assertThat(store.registrations(subject))
                .containsExactly(new ClientRegistration(subject, ClientType.CONSUMER, "first-app", "c-1", "billing", 5_000L));
    }

    @Test
    void lastSeenNeverMovesBackwards() {
        ClientRegistrationStore store = open();
        store.record(consumer("c-1", "billing", 5_000L));

        store.record(consumer("c-1", "billing", 1_000L));

        assertThat(store.registrations(subject)).extracting(ClientRegistration::at).containsExactly(5_000L);
    }

    @Test
    void typeGroupAndClientIdEachMakeASeparateRegistration() {
        ClientRegistrationStore store = open();
        ClientRegistration producer = new ClientRegistration(subject, ClientType.PRODUCER, "app", "c-1", "", 1L);
        List<ClientRegistration> all = List.of(consumer("c-1", "billing", 2L), consumer("c-1", "audit", 3L),
                consumer("c-2", "billing", 4L), producer);

        all.forEach(store::record);

        assertThat(store.registrations(subject)).containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void listsRegistrationsOldestFirstEvenAfterReRegistration() {
        ClientRegistrationStore store = open();
        store.record(consumer("c-late", "g", 300L));
        store.record(consumer("c-early", "g", 100L));
        store.record(consumer("c-middle", "g", 200L));

        store.record(consumer("c-early", "g", 400L));

        assertThat(store.registrations(subject)).extracting(ClientRegistration::clientId)
                .containsExactly("c-early", "c-middle", "c-late");
    }

    @Test
    void concurrentRegistrationsOfOneClientLeaveOneRegistration() throws Exception {
        List<Callable<Void>> callers = new ArrayList<>();
        for (int i = 1; i <= RacingCallers.CALLERS; i++) {
            ClientRegistration registration = consumer("c-1", "billing", i * 1_000L);
            ClientRegistrationStore store = open();
            callers.add(() -> {
                store.record(registration);
                return null;
            });
        }

        RacingCallers.race(callers);

        assertThat(open().registrations(subject)).extracting(ClientRegistration::at)
                .containsExactly(RacingCallers.CALLERS * 1_000L);
    }

    @Test
    void registrationsSurviveReopening() {
        ClientRegistration consumer = consumer("c-1", "billing", 7L);
        open().record(consumer);

        closeAll();

        assertThat(open().registrations(subject)).containsExactly(consumer);
    }

    private ClientRegistration consumer(String clientId, String group, long at) {
        return new ClientRegistration(subject, ClientType.CONSUMER, "app", clientId, group, at);
    }
}

package io.qmq.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import io.qmq.domain.cluster.BrokerGroup;
import io.qmq.domain.cluster.BrokerGroupKind;
import io.qmq.domain.cluster.BrokerState;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link BrokerGroupStore} must do. The storage may be shared with other tests, so each test
 * uses fresh names and only looks at its own groups.
 */
public abstract class BrokerGroupStoreContract {

    private final String prefix = "group-" + UUID.randomUUID();

    /**
     * A store over this test's storage. Each call may return a new instance (another meta server); all
     * of them, and those opened after {@link #closeAll()}, must see the same data.
     */
    protected abstract BrokerGroupStore open();

    /** Releases what {@link #open()} acquired, as a stopping meta server would. */
    protected void closeAll() {
    }

    @AfterEach
    void releaseStores() {
        closeAll();
    }

    @Test
    void findsASavedGroupWithAllItsFields() {
        BrokerGroup group = new BrokerGroup(prefix, BrokerGroupKind.DELAY, "10.0.0.1:20801", BrokerState.READ_ONLY, 1_700_000_000_123L);

        open().save(group);

        assertThat(open().find(prefix)).contains(group);
    }

    @Test
    void savingAGroupOfTheSameNameReplacesIt() {
        BrokerGroupStore store = open();
        store.save(new BrokerGroup(prefix, BrokerGroupKind.REALTIME, "10.0.0.1:20881", BrokerState.READ_WRITE, 1_000L));
        BrokerGroup moved = new BrokerGroup(prefix, BrokerGroupKind.REALTIME, "10.0.0.2:20881", BrokerState.OFFLINE, 2_000L);

        store.save(moved);

        assertThat(store.find(prefix)).contains(moved);
        assertThat(ownGroups(store)).containsExactly(moved);
    }

    @Test
    void anUnknownNameIsNotFound() {
        assertThat(open().find(prefix + "-unknown")).isEmpty();
    }

    @Test
    void listsAllGroupsOrderedByName() {
        BrokerGroupStore store = open();
        for (String suffix : List.of("-b", "-c", "-B", "-a")) {
            store.save(group(prefix + suffix, BrokerState.READ_WRITE));
        }

        assertThat(ownGroups(store)).extracting(BrokerGroup::name)
                .containsExactly(prefix + "-B", prefix + "-a", prefix + "-b", prefix + "-c");
    }

    @Test
    void namesDifferingOnlyInCaseAreDifferentGroups() {
        BrokerGroupStore store = open();
        store.save(group(prefix + "-x", BrokerState.READ_WRITE));
        store.save(group(prefix + "-X", BrokerState.OFFLINE));

        assertThat(store.find(prefix + "-x")).get().extracting(BrokerGroup::state).isEqualTo(BrokerState.READ_WRITE);
        assertThat(store.find(prefix + "-X")).get().extracting(BrokerGroup::state).isEqualTo(BrokerState.OFFLINE);
    }

    @Test
    void concurrentSavesOfOneNameLeaveExactlyOneOfThem() throws Exception {
        List<BrokerGroup> candidates = new ArrayList<>();
        List<Callable<Void>> callers = new ArrayList<>();
        for (int i = 0; i < RacingCallers.CALLERS; i++) {
            BrokerGroup candidate = new BrokerGroup(prefix, BrokerGroupKind.REALTIME, "10.0.0." + i + ":20881", BrokerState.READ_WRITE, i);
            BrokerGroupStore store = open();
            candidates.add(candidate);
            callers.add(() -> {
                store.save(candidate);
                return null;
            });
        }

        RacingCallers.race(callers);

        assertThat(ownGroups(open())).hasSize(1).first().isIn(candidates);
    }

    @Test
    void aRemovedGroupIsGoneForEveryStore() {
        BrokerGroupStore store = open();
        store.save(group(prefix + "-kept", BrokerState.READ_WRITE));
        store.save(group(prefix + "-gone", BrokerState.READ_WRITE));

        assertThat(store.remove(prefix + "-gone")).isTrue();

        assertThat(open().find(prefix + "-gone")).isEmpty();
        assertThat(ownGroups(open())).extracting(BrokerGroup::name).containsExactly(prefix + "-kept");
    }

    @Test
    void removingAnUnknownGroupAnswersFalse() {
        assertThat(open().remove(prefix + "-never")).isFalse();
    }

    @Test
    void groupsSurviveReopening() {
        BrokerGroup group = group(prefix, BrokerState.READ_WRITE);
        open().save(group);

        closeAll();

        assertThat(open().find(prefix)).contains(group);
    }

    private List<BrokerGroup> ownGroups(BrokerGroupStore store) {
        return store.all().stream().filter(g -> g.name().startsWith(prefix)).toList();
    }

    private static BrokerGroup group(String name, BrokerState state) {
        return new BrokerGroup(name, BrokerGroupKind.REALTIME, "127.0.0.1:20881", state, 42L);
    }
}

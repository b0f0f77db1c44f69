package io.qmq.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qmq.domain.cluster.BrokerGroup;
import io.qmq.domain.cluster.BrokerGroupKind;
import io.qmq.domain.cluster.BrokerState;
import io.qmq.domain.message.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SubjectRouteStore} must do, with the {@link BrokerGroupStore} over the same storage
 * whose groups its routes name. The storage may be shared with other tests, so each test uses fresh
 * subjects and groups and only looks at its own.
 *
 * <p>An assignment names at least one group and no group twice: an empty assignment would be
 * indistinguishable from none, and a repeated group would make a client count it twice. It names only
 * existing groups, and a named group cannot be removed, atomically even when both race.
 */
public abstract class SubjectRouteStoreContract {

    private static final int RACE_ROUNDS = 5;

    private final String prefix = "subject-" + UUID.randomUUID();
    private final String groupPrefix = "group-" + UUID.randomUUID();

    /**
     * A store over this test's storage. Each call may return a new instance (another meta server); all
     * of them, and those opened after {@link #closeAll()}, must see the same data.
     */
    protected abstract SubjectRouteStore open();

    /** A broker group store over the same storage, as {@link #open()} is. */
    protected abstract BrokerGroupStore openGroups();

    /** Releases what {@link #open()} acquired, as a stopping meta server would. */
    protected void closeAll() {
    }

    @AfterEach
    void releaseStores() {
        closeAll();
    }

    @Test
    void anUnassignedSubjectHasNoGroups() {
        assertThat(open().groupsOf(subject("-unknown"))).isEmpty();
    }

    @Test
    void assignsGroupsInTheOrderGiven() {
        SubjectRouteStore store = open();
        List<String> groups = groups("c", "a", "b");

        List<String> assigned = store.assignIfAbsent(subject(""), groups);

        assertThat(assigned).containsExactlyElementsOf(groups);
        assertThat(open().groupsOf(subject(""))).containsExactlyElementsOf(groups);
    }

    @Test
    void aLaterAssignmentLeavesTheFirstInForce() {
        SubjectRouteStore store = open();
        store.assignIfAbsent(subject(""), groups("1", "2"));

        List<String> afterSecond = store.assignIfAbsent(subject(""), groups("3"));

        assertThat(afterSecond).containsExactlyElementsOf(groups("1", "2"));
        assertThat(store.groupsOf(subject(""))).containsExactlyElementsOf(groups("1", "2"));
    }

    @Test
    void listsEveryAssignedSubjectWithItsGroups() {
        SubjectRouteStore store = open();
        store.assignIfAbsent(subject("-1"), groups("b", "a"));
        store.assignIfAbsent(subject("-2"), groups("c"));

        Map<Subject, List<String>> all = store.all();

        assertThat(all).containsEntry(subject("-1"), groups("b", "a"))
                .containsEntry(subject("-2"), groups("c"))
                .doesNotContainKey(subject("-3"));
    }

    @Test
    void subjectsDifferingOnlyInCaseHaveTheirOwnRoutes() {
        SubjectRouteStore store = open();
        store.assignIfAbsent(subject("-x"), groups("lower"));

        List<String> upper = store.assignIfAbsent(subject("-X"), groups("upper"));

        assertThat(upper).containsExactlyElementsOf(groups("upper"));
        assertThat(store.groupsOf(subject("-x"))).containsExactlyElementsOf(groups("lower"));
    }

    @Test
    void refusesAnEmptyOrRepeatingAssignment() {
        SubjectRouteStore store = open();

        assertThatThrownBy(() -> store.assignIfAbsent(subject(""), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.assignIfAbsent(subject(""), groups("1", "1"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.groupsOf(subject(""))).isEmpty();
    }

    @Test
    void theFirstOfConcurrentAssignersWinsForEveryone() throws Exception {
        for (int round = 0; round < RACE_ROUNDS; round++) {
            Subject subject = subject("-race-" + round);
            List<List<String>> proposals = new ArrayList<>();
            List<Callable<List<String>>> callers = new ArrayList<>();
            for (int i = 0; i < RacingCallers.CALLERS; i++) {
                List<String> proposal = groups(i + "-a", i + "-b");
                SubjectRouteStore store = open();
                proposals.add(proposal);
                callers.add(() -> store.assignIfAbsent(subject, proposal));
            }

            List<List<String>> answers = RacingCallers.race(callers);

            List<String> inForce = open().groupsOf(subject);
            assertThat(inForce).isIn(proposals);
            assertThat(answers).allSatisfy(answer -> assertThat(answer).isEqualTo(inForce));
        }
    }

    @Test
    void routesSurviveReopening() {
        open().assignIfAbsent(subject(""), groups("2", "1"));

        closeAll();

        assertThat(open().groupsOf(subject(""))).containsExactlyElementsOf(groups("2", "1"));
    }

    @Test
    void replacesARouteThatIsStillAsExpected() {
        SubjectRouteStore store = open();
        store.assignIfAbsent(subject(""), groups("1"));

        boolean replaced = store.replace(subject(""), groups("1"), groups("1", "2"));

        assertThat(replaced).isTrue();
        assertThat(open().groupsOf(subject(""))).containsExactlyElementsOf(groups("1", "2"));
    }

    @Test
    void leavesARouteThatChangedMeanwhileAlone() {
        SubjectRouteStore store = open();
        store.assignIfAbsent(subject(""), groups("1", "2"));

        boolean replaced = store.replace(subject(""), groups("1"), groups("1", "3"));

        assertThat(replaced).isFalse();
        assertThat(store.groupsOf(subject(""))).containsExactlyElementsOf(groups("1", "2"));
        assertThat(store.replace(subject("-never-assigned"), groups("1"), groups("2"))).isFalse();
    }

    @Test
    void ofRacingReplacementsOfOneRouteExactlyOneWins() throws Exception {
        for (int round = 0; round < RACE_ROUNDS; round++) {
            Subject subject = subject("-replace-race-" + round);
            List<String> first = groups("0");
            open().assignIfAbsent(subject, first);
            List<Callable<Boolean>> callers = new ArrayList<>();
            for (int i = 0; i < RacingCallers.CALLERS; i++) {
                List<String> proposal = groups("0", Integer.toString(i + 1));
                SubjectRouteStore store = open();
                callers.add(() -> store.replace(subject, first, proposal));
            }

            List<Boolean> outcomes = RacingCallers.race(callers);

            assertThat(outcomes).as("round %d", round).containsOnlyOnce(true);
            assertThat(open().groupsOf(subject)).hasSize(2).startsWith(first.get(0));
        }
    }

    @Test
    void aReplacementNamesDistinctGroups() {
        SubjectRouteStore store = open();
        store.assignIfAbsent(subject(""), groups("1"));

        assertThatThrownBy(() -> store.replace(subject(""), groups("1"), groups("1", "1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aGroupARouteNamesCannotBeRemovedUntilTheRouteMovesOff() {
        open().assignIfAbsent(subject(""), groups("1", "2"));
        BrokerGroupStore groupStore = openGroups();

        assertThatThrownBy(() -> groupStore.remove(groupName("1")))
                .isInstanceOfSatisfying(BrokerGroupStillRoutedException.class,
                        e -> assertThat(e.groupName()).isEqualTo(groupName("1")));
        assertThat(openGroups().find(groupName("1"))).isPresent();

        open().replace(subject(""), groups("1", "2"), groups("2"));

        assertThat(openGroups().remove(groupName("1"))).isTrue();
        assertThat(openGroups().find(groupName("1"))).isEmpty();
    }

    @Test
    void assigningOrMovingToAGroupThatIsGoneFailsAndChangesNothing() {
        List<String> kept = groups("kept");
        List<String> gone = groups("gone");
        assertThat(openGroups().remove(gone.get(0))).isTrue();
        SubjectRouteStore store = open();

        assertThatThrownBy(() -> store.assignIfAbsent(subject("-new"), List.of(kept.get(0), gone.get(0))))
                .isInstanceOfSatisfying(BrokerGroupMissingException.class,
                        e -> assertThat(e.missing()).contains(gone.get(0)));
        assertThat(open().groupsOf(subject("-new"))).isEmpty();

        store.assignIfAbsent(subject("-moved"), kept);
        assertThatThrownBy(() -> store.replace(subject("-moved"), kept, gone))
                .isInstanceOf(BrokerGroupMissingException.class);
        assertThat(open().groupsOf(subject("-moved"))).isEqualTo(kept);
    }

    @Test
    void removingAGroupWhileRoutingToItNeverLeavesARouteToNoGroup() throws Exception {
        for (int round = 0; round < RACE_ROUNDS; round++) {
            Subject subject = subject("-remove-race-" + round);
            List<String> group = groups("raced-" + round);
            SubjectRouteStore routes = open();
            BrokerGroupStore groupStore = openGroups();
            List<Callable<Boolean>> callers = List.of(
                    () -> succeeds(() -> routes.assignIfAbsent(subject, group)),
                    () -> succeeds(() -> groupStore.remove(group.get(0))));

            List<Boolean> outcomes = RacingCallers.race(callers);

            assertThat(outcomes).as("round %d: assigned, removed", round).containsOnlyOnce(true);
            boolean routed = !open().groupsOf(subject).isEmpty();
            assertThat(openGroups().find(group.get(0)).isPresent()).as("round %d", round).isEqualTo(routed);
        }
    }

    @Test
    void aGroupIsNotRemovedWhileARouteNamingItIsRewritten() throws Exception {
        for (int round = 0; round < RACE_ROUNDS; round++) {
            Subject subject = subject("-rewrite-race-" + round);
            List<String> before = groups("kept-" + round, "other-" + round);
            List<String> after = groups("kept-" + round, "other-" + round, "added-" + round);
            open().assignIfAbsent(subject, before);
            SubjectRouteStore routes = open();
            BrokerGroupStore groupStore = openGroups();
            List<Callable<Boolean>> callers = List.of(
                    () -> routes.replace(subject, before, after),
                    () -> succeeds(() -> groupStore.remove(before.get(0))));

            List<Boolean> outcomes = RacingCallers.race(callers);

            assertThat(outcomes).as("round %d: replaced, removed", round).containsExactly(true, false);
            assertThat(openGroups().find(before.get(0))).isPresent();
        }
    }

    /** Whether the write went through, or was refused by the store's check of the other side. */
    private static boolean succeeds(Runnable write) {
        try {
            write.run();
            return true;
        } catch (BrokerGroupMissingException | BrokerGroupStillRoutedException e) {
            return false;
        }
    }

    private Subject subject(String suffix) {
        return Subject.of(prefix + suffix);
    }

    private String groupName(String suffix) {
        return groupPrefix + "-" + suffix;
    }

    /** This test's groups with these suffixes, registered first (again, harmlessly) so routes may name them. */
    private List<String> groups(String... suffixes) {
        BrokerGroupStore groupStore = openGroups();
        List<String> names = new ArrayList<>();
        for (String suffix : suffixes) {
            String name = groupName(suffix);
            groupStore.save(new BrokerGroup(name, BrokerGroupKind.REALTIME, "127.0.0.1:20881", BrokerState.READ_WRITE, 1L));
            names.add(name);
        }
        return List.copyOf(names);
    }
}

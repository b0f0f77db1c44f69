package io.qmq.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qmq.domain.message.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SubjectRouteStore} must do. The storage may be shared with other tests, so each test
 * uses fresh subjects and only looks at its own routes.
 *
 * <p>An assignment names at least one group and no group twice: an empty assignment would be
 * indistinguishable from none, and a repeated group would make a client count it twice.
 */
public abstract class SubjectRouteStoreContract {

    private static final int RACE_ROUNDS = 5;

    private final String prefix = "subject-" + UUID.randomUUID();

    /**
     * A store over this test's storage. Each call may return a new instance (another meta server); all
     * of them, and those opened after {@link #closeAll()}, must see the same data.
     */
    protected abstract SubjectRouteStore open();

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

        List<String> assigned = store.assignIfAbsent(subject(""), List.of("g-c", "g-a", "g-b"));

        assertThat(assigned).containsExactly("g-c", "g-a", "g-b");
        assertThat(open().groupsOf(subject(""))).containsExactly("g-c", "g-a", "g-b");
    }

    @Test
    void aLaterAssignmentLeavesTheFirstInForce() {
        SubjectRouteStore store = open();
        store.assignIfAbsent(subject(""), List.of("g-1", "g-2"));

        List<String> afterSecond = store.assignIfAbsent(subject(""), List.of("g-3"));

        assertThat(afterSecond).containsExactly("g-1", "g-2");
        assertThat(store.groupsOf(subject(""))).containsExactly("g-1", "g-2");
    }

    @Test
    void listsEveryAssignedSubjectWithItsGroups() {
        SubjectRouteStore store = open();
        store.assignIfAbsent(subject("-1"), List.of("g-b", "g-a"));
        store.assignIfAbsent(subject("-2"), List.of("g-c"));

        Map<Subject, List<String>> all = store.all();

        assertThat(all).containsEntry(subject("-1"), List.of("g-b", "g-a"))
                .containsEntry(subject("-2"), List.of("g-c"))
                .doesNotContainKey(subject("-3"));
    }

    @Test
    void subjectsDifferingOnlyInCaseHaveTheirOwnRoutes() {
        SubjectRouteStore store = open();
        store.assignIfAbsent(subject("-x"), List.of("g-lower"));

        List<String> upper = store.assignIfAbsent(subject("-X"), List.of("g-upper"));

        assertThat(upper).containsExactly("g-upper");
        assertThat(store.groupsOf(subject("-x"))).containsExactly("g-lower");
    }

    @Test
    void refusesAnEmptyOrRepeatingAssignment() {
        SubjectRouteStore store = open();

        assertThatThrownBy(() -> store.assignIfAbsent(subject(""), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.assignIfAbsent(subject(""), List.of("g-1", "g-1"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.groupsOf(subject(""))).isEmpty();
    }

    @Test
    void theFirstOfConcurrentAssignersWinsForEveryone() throws Exception {
        for (int round = 0; round < RACE_ROUNDS; round++) {
            Subject subject = subject("-race-" + round);
            List<List<String>> proposals = new ArrayList<>();
            List<Callable<List<String>>> callers = new ArrayList<>();
            for (int i = 0; i < RacingCallers.CALLERS; i++) {
                List<String> proposal = List.of("g-" + i + "-a", "g-" + i + "-b");
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
        open().assignIfAbsent(subject(""), List.of("g-2", "g-1"));

        closeAll();

        assertThat(open().groupsOf(subject(""))).containsExactly("g-2", "g-1");
    }

    private Subject subject(String suffix) {
        return Subject.of(prefix + suffix);
    }

    @Test
    void replacesARouteThatIsStillAsExpected() {
        SubjectRouteStore store = open();
        store.assignIfAbsent(subject(""), List.of("g-1"));

        boolean replaced = store.replace(subject(""), List.of("g-1"), List.of("g-1", "g-2"));

        assertThat(replaced).isTrue();
        assertThat(open().groupsOf(subject(""))).containsExactly("g-1", "g-2");
    }

    @Test
    void leavesARouteThatChangedMeanwhileAlone() {
        SubjectRouteStore store = open();
        store.assignIfAbsent(subject(""), List.of("g-1", "g-2"));

        boolean replaced = store.replace(subject(""), List.of("g-1"), List.of("g-1", "g-3"));

        assertThat(replaced).isFalse();
        assertThat(store.groupsOf(subject(""))).containsExactly("g-1", "g-2");
        assertThat(store.replace(subject("-never-assigned"), List.of("g-1"), List.of("g-2"))).isFalse();
    }

    @Test
    void ofRacingReplacementsOfOneRouteExactlyOneWins() throws Exception {
        for (int round = 0; round < RACE_ROUNDS; round++) {
            Subject subject = subject("-replace-race-" + round);
            open().assignIfAbsent(subject, List.of("g-0"));
            List<Callable<Boolean>> callers = new ArrayList<>();
            for (int i = 0; i < RacingCallers.CALLERS; i++) {
                List<String> proposal = List.of("g-0", "g-" + (i + 1));
                SubjectRouteStore store = open();
                callers.add(() -> store.replace(subject, List.of("g-0"), proposal));
            }

            List<Boolean> outcomes = RacingCallers.race(callers);

            assertThat(outcomes).as("round %d", round).containsOnlyOnce(true);
            assertThat(open().groupsOf(subject)).hasSize(2).startsWith("g-0");
        }
    }

    @Test
    void aReplacementNamesDistinctGroups() {
        SubjectRouteStore store = open();
        store.assignIfAbsent(subject(""), List.of("g-1"));

        assertThatThrownBy(() -> store.replace(subject(""), List.of("g-1"), List.of("g-1", "g-1")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package io.qmq.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import io.qmq.domain.cluster.BacklogReport;
import io.qmq.domain.consumer.ConsumerGroup;
import io.qmq.domain.consumer.Subscription;
import io.qmq.domain.message.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link BacklogReportStore} must do. The storage may be shared with other tests, so each
 * test uses fresh group names and only looks at its own reports.
 */
public abstract class BacklogReportStoreContract {

    /** Enough subscriptions for a busy broker's report. */
    private static final int LARGE_REPORT = 5_000;

    private final String prefix = "group-" + UUID.randomUUID();

    /**
     * A store over this test's storage. Each call may return a new instance (another meta server); all
     * of them, and those opened after {@link #closeAll()}, must see the same data.
     */
    protected abstract BacklogReportStore open();

    /** Releases what {@link #open()} acquired, as a stopping meta server would. */
    protected void closeAll() {
    }

    @AfterEach
    void releaseStores() {
        closeAll();
    }

    @Test
    void keepsAReportWithEveryEntry() {
        BacklogReport report = new BacklogReport(prefix, 1_700_000_000_123L, true, List.of(
                entry("orders", "billing", 12, 3),
                entry("%RETRY%orders%billing", "billing", 0, 1),
                entry("orders", "audit team ü", Long.MAX_VALUE, 0)));

        open().save(report);

        assertThat(own(open())).containsExactly(report);
    }

    @Test
    void anIncompleteOrEmptyReportIsKeptAsSuch() {
        BacklogReport incomplete = new BacklogReport(prefix + "-a", 5L, false, List.of(entry("orders", "billing", 1, 0)));
        BacklogReport empty = new BacklogReport(prefix + "-b", 6L, true, List.of());

        open().save(incomplete);
        open().save(empty);

        assertThat(own(open())).containsExactly(incomplete, empty);
    }

    @Test
    void aLaterReportOfTheGroupReplacesTheEarlierOne() {
        BacklogReportStore store = open();
        store.save(new BacklogReport(prefix, 1L, true, List.of(entry("orders", "billing", 10, 0))));
        BacklogReport later = new BacklogReport(prefix, 2L, true, List.of(entry("payments", "billing", 0, 4)));

        store.save(later);

        assertThat(own(open())).containsExactly(later);
    }

    @Test
    void listsEachGroupsReportOrderedByGroupName() {
        BacklogReportStore store = open();
        for (String suffix : List.of("-b", "-B", "-a")) {
            store.save(new BacklogReport(prefix + suffix, 1L, true, List.of()));
        }

        assertThat(own(store)).extracting(BacklogReport::brokerGroup)
                .containsExactly(prefix + "-B", prefix + "-a", prefix + "-b");
    }

    @Test
    void aForgottenGroupHasNoReport() {
        BacklogReportStore store = open();
        store.save(new BacklogReport(prefix + "-kept", 1L, true, List.of()));
        store.save(new BacklogReport(prefix + "-gone", 1L, true, List.of()));

        store.remove(prefix + "-gone");
        store.remove(prefix + "-never");

        assertThat(own(open())).extracting(BacklogReport::brokerGroup).containsExactly(prefix + "-kept");
    }

    @Test
    void aLargeReportIsKeptWhole() {
        List<BacklogReport.Entry> entries = new ArrayList<>();
        for (int i = 0; i < LARGE_REPORT; i++) {
            entries.add(entry("subject-" + i, "group-" + i, i, LARGE_REPORT - i));
        }
        BacklogReport report = new BacklogReport(prefix, 9L, true, entries);

        open().save(report);

        assertThat(own(open())).containsExactly(report);
    }

    @Test
    void ofConcurrentReportsOfOneGroupExactlyOneIsKept() throws Exception {
        List<BacklogReport> candidates = new ArrayList<>();
        List<Callable<Void>> callers = new ArrayList<>();
        for (int i = 0; i < RacingCallers.CALLERS; i++) {
            BacklogReport candidate = new BacklogReport(prefix, i, true, List.of(entry("orders", "billing", i, i)));
            BacklogReportStore store = open();
            candidates.add(candidate);
            callers.add(() -> {
                store.save(candidate);
                return null;
            });
        }

        RacingCallers.race(callers);

        assertThat(own(open())).hasSize(1).first().isIn(candidates);
    }

    @Test
    void reportsSurviveReopening() {
        BacklogReport report = new BacklogReport(prefix, 3L, true, List.of(entry("orders", "billing", 1, 2)));
        open().save(report);

        closeAll();

        assertThat(own(open())).containsExactly(report);
    }

    private List<BacklogReport> own(BacklogReportStore store) {
        return store.all().stream().filter(r -> r.brokerGroup().startsWith(prefix)).toList();
    }

    private static BacklogReport.Entry entry(String subject, String group, long undelivered, long unacknowledged) {
        return new BacklogReport.Entry(new Subscription(Subject.of(subject), ConsumerGroup.of(group)), undelivered,
                unacknowledged);
    }
}

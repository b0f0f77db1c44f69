package io.qmq.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.qmq.application.port.in.Backlog;
import io.qmq.domain.cluster.BacklogReport;
import io.qmq.domain.consumer.ConsumerGroup;
import io.qmq.domain.consumer.Subscription;
import io.qmq.domain.message.Subject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalBacklogReportsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC);

    private final List<BacklogReport> recorded = new ArrayList<>();

    @Test
    void recordsTheBrokersBacklogsAsOneCompleteReportWithoutTheEmptyOnes() {
        Subscription billing = new Subscription(Subject.of("orders"), ConsumerGroup.of("billing"));
        Subscription idle = new Subscription(Subject.of("orders"), ConsumerGroup.of("idle"));

        new LocalBacklogReports(() -> List.of(new Backlog(billing, 3, 1), new Backlog(idle, 0, 0)), recorded::add,
                "standalone", CLOCK).run();

        assertThat(recorded).containsExactly(new BacklogReport("standalone", CLOCK.millis(), true,
                List.of(new BacklogReport.Entry(billing, 3, 1))));
    }

    @Test
    void aFailedRunIsLoggedAndDoesNotStopTheNextOne() {
        LocalBacklogReports reports = new LocalBacklogReports(() -> {
            throw new IllegalStateException("pull log closed");
        }, recorded::add, "standalone", CLOCK);

        reports.run();
        reports.run();

        assertThat(recorded).isEmpty();
    }
}

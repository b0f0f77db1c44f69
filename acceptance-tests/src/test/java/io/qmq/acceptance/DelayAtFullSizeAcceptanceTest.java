package io.qmq.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import io.qmq.acceptance.driver.ClientKind;
import io.qmq.acceptance.dsl.DelayedDeliveries;
import io.qmq.acceptance.dsl.NodeSettings;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The delay server's acceptance scenario at the full size. It runs for about 70 s (the last
 * messages are due a minute after sending), which is why it lives apart from the quick delay tests.
 */
class DelayAtFullSizeAcceptanceTest {

    private static final int MESSAGES = 10_000;
    /** The latest due time plus room for the last deliveries on a shared two-core machine. */
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    /** A second copy, if any, would come right behind the first. */
    private static final long DUPLICATE_WATCH_MILLIS = 2_000;
    private static final long P99_LATENESS_LIMIT_MILLIS = 100;

    private final DelayedDeliveries delays = new DelayedDeliveries();

    @AfterEach
    void stop() throws Exception {
        delays.close();
    }

    @Test
    void tenThousandMessagesDueOverAMinuteArriveOnceNoneEarlyAndOnTime() throws InterruptedException {
        delays.standaloneNode(NodeSettings.defaults(), ClientKind.QMQ);
        delays.groupConsumes("billing", "reminders");

        delays.sendSpread("reminders", MESSAGES, Duration.ofSeconds(1), Duration.ofSeconds(60));

        delays.awaitAll(1, PATIENCE);
        Thread.sleep(DUPLICATE_WATCH_MILLIS);
        assertThat(delays.sentKeys()).hasSize(MESSAGES);
        assertThat(delays.copiesByKey()).containsOnlyKeys(delays.sentKeys()).allSatisfy((key, copies) ->
                assertThat(copies).as("copies of %s", key).isEqualTo(1));
        long[] lateness = delays.lateness();
        assertThat(lateness[0]).as("earliest arrival relative to its due time, ms").isGreaterThanOrEqualTo(0);
        assertThat(lateness[(int) Math.ceil(lateness.length * 0.99) - 1]).as("p99 lateness, ms")
                .isLessThan(P99_LATENESS_LIMIT_MILLIS);
    }
}

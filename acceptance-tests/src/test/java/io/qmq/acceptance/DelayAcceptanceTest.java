package io.qmq.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qmq.acceptance.driver.ClientKind;
import io.qmq.acceptance.driver.ProcessNodeDriver;
import io.qmq.acceptance.dsl.DelayedDeliveries;
import io.qmq.acceptance.dsl.NodeSettings;
import io.qmq.bootstrap.admin.AdminEndpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import qunar.tc.qmq.NeedRetryException;

/** Delayed and scheduled messages through the delay server of a standalone node. */
class DelayAcceptanceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(40);
    /** Enough that forwarding them takes a few seconds on a shared two-core machine. */
    private static final int DUE_TOGETHER = 4_000;

    private final DelayedDeliveries delays = new DelayedDeliveries();

    @AfterEach
    void stop() throws Exception {
        delays.close();
    }

    @Test
    void twoThousandMessagesDueOverTenSecondsArriveOnceNoneEarlyAndOnTime() {
        delays.standaloneNode(NodeSettings.defaults(), ClientKind.QMQ);
        delays.groupConsumes("billing", "reminders");

        delays.sendSpread("reminders", 2_000, Duration.ofSeconds(1), Duration.ofSeconds(10));

        delays.awaitAll(1, PATIENCE);
        assertThat(delays.copiesByKey()).containsOnlyKeys(delays.sentKeys()).allSatisfy((key, copies) ->
                assertThat(copies).as("copies of %s", key).isEqualTo(1));
        long[] lateness = delays.lateness();
        assertThat(lateness[0]).as("earliest arrival relative to its due time, ms").isGreaterThanOrEqualTo(0);
        assertThat(lateness[(int) Math.ceil(lateness.length * 0.99) - 1]).as("p99 lateness, ms").isLessThan(100);
    }

    /** Only our client: the stock client refuses a past delay time before sending. */
    @Test
    void aScheduleTimeInThePastDeliversAtOnce() {
        delays.standaloneNode(NodeSettings.defaults(), ClientKind.QMQ);
        delays.groupConsumes("billing", "reminders");

        delays.send("reminders", Instant.now().minusSeconds(3600)).orTimeout(20, TimeUnit.SECONDS).join();

        delays.awaitAll(1, Duration.ofSeconds(10));
    }

    @ParameterizedTest
    @EnumSource(ClientKind.class)
    void delayedSendsOfEitherClientArriveAfterTheirDueTime(ClientKind client) {
        delays.standaloneNode(NodeSettings.defaults(), client);
        delays.groupConsumes("billing", "reminders");

        delays.sendSpread("reminders", 20, Duration.ofSeconds(2), Duration.ofSeconds(3));

        delays.awaitAll(1, PATIENCE);
        assertThat(delays.lateness()[0]).isGreaterThanOrEqualTo(0);
        assertThat(delays.copiesByKey()).allSatisfy((key, copies) -> assertThat(copies).isEqualTo(1));
    }

    @Test
    void aDelayBeyondTheLimitIsRefusedWithTheReason() {
        delays.standaloneNode(NodeSettings.defaults(), ClientKind.QMQ);

        assertThatThrownBy(() -> delays.send("reminders", Instant.now().plus(Duration.ofDays(800)))
                .get(20, TimeUnit.SECONDS))
                .hasStackTraceContaining("more than the limit");
    }

    @Test
    void aCancelledMessageNeverArrives() throws Exception {
        AdminEndpoint admin = delays.standaloneNodeWithAdmin("acceptance-token", ClientKind.QMQ);
        delays.groupConsumes("billing", "reminders");
        String cancelled = "cancel-me-" + UUID.randomUUID();
        delays.send("reminders", Instant.now().plusSeconds(3), cancelled).get(20, TimeUnit.SECONDS);
        delays.send("reminders", Instant.now().plusSeconds(3)).get(20, TimeUnit.SECONDS);

        assertThat(admin.delete("/delay/messages/" + cancelled)).contains("\"cancelled\":1");

        Thread.sleep(5_000); // both were due 3 s after sending
        assertThat(delays.arrivals()).hasSize(1).noneMatch(a -> a.delivery().messageId().equals(cancelled));
    }

    @Test
    void theStockClientsRetryAfterFailureGoesThroughTheDelayServer() {
        delays.standaloneNode(NodeSettings.defaults(), ClientKind.STOCK);
        delays.groupConsumes("billing", "orders", delivery -> {
            if (delays.copiesByKey().getOrDefault(delivery.property("key"), 0L) == 1) {
                throw new NeedRetryException(2, TimeUnit.SECONDS, "not yet");
            }
        });

        delays.sendOrdinary("orders").orTimeout(20, TimeUnit.SECONDS).join();

        delays.awaitAll(2, PATIENCE);
        var copies = delays.arrivals();
        // the node's own retry delay is 1 s: a gap of 2 s shows the copy went through the delay server
        assertThat(copies.get(1).at() - copies.get(0).at()).as("ms between the failure and the retry")
                .isGreaterThanOrEqualTo(1_900);
    }

    /**
     * Thousands of messages fall due within one second, and the node (broker and delay server in one
     * process) is killed as soon as the first of them arrives, while it forwards the rest: some are in the
     * broker, some in flight, some not yet sent. The restarted node must ask the broker about those whose
     * forward was in doubt and find some stored. A group that starts after the restart reads the broker's
     * log from its start, so it sees exactly what the broker stored: every message once, none twice.
     */
    @Test
    void aNodeKilledWhileForwardingDeliversEveryAcceptedMessageExactlyOnce() {
        ProcessNodeDriver node = delays.standaloneNodeInAChildProcess(ClientKind.QMQ);
        delays.groupConsumes("watcher", "reminders");
        delays.sendSpread("reminders", DUE_TOGETHER, Duration.ofSeconds(4), Duration.ofSeconds(5));

        delays.awaitArrivals("watcher", 1, Duration.ofSeconds(30));
        node.kill();
        assertThat(delays.arrivalsOf("watcher").size()).as("copies the watcher had when the node was killed: if all %d had"
                + " arrived, the kill came after forwarding ended and this run proves nothing", DUE_TOGETHER)
                .isLessThan(DUE_TOGETHER);
        node.restart();
        delays.groupConsumes("billing", "reminders");

        delays.awaitAllIn("billing", Duration.ofSeconds(40));
        delays.awaitNoFurtherCopiesIn("billing", Duration.ofSeconds(2)); // a second copy would come right behind
        assertThat(delays.copiesByKey("billing")).containsOnlyKeys(delays.sentKeys()).allSatisfy((key, copies) ->
                assertThat(copies).as("copies of %s", key).isEqualTo(1));
        delays.awaitInDoubtFoundStored(node, "reminders", Duration.ofSeconds(10));
        assertThat(delays.earlyArrivalsOf("watcher")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ClientKind.class)
    void everyAcceptedDelayedMessageArrivesExactlyOnceAfterTheNodeIsKilled(ClientKind client) throws Exception {
        ProcessNodeDriver node = delays.standaloneNodeInAChildProcess(client);
        delays.sendSpread("reminders", 300, Duration.ofSeconds(3), Duration.ofSeconds(8));

        node.kill();
        node.restart();
        delays.groupConsumes("billing", "reminders");

        delays.awaitAll(1, Duration.ofSeconds(60));
        Thread.sleep(2_000); // a second copy, if any, would come right behind the first
        assertThat(delays.copiesByKey()).containsOnlyKeys(delays.sentKeys()).allSatisfy((key, copies) ->
                assertThat(copies).as("copies of %s", key).isEqualTo(1));
    }
}

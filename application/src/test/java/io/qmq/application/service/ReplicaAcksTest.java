package io.qmq.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.qmq.application.port.out.LogChunk;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class ReplicaAcksTest {

    private final ManualClock clock = new ManualClock();
    private final FakeReplicationSource source = new FakeReplicationSource();
    private final ReplicaAcks acks = new ReplicaAcks(source, clock, Duration.ofMillis(200));

    @Test
    void aSendWaitsUntilTheSlaveConfirmsItsPosition() {
        CompletableFuture<Void> first = acks.awaitSlave(100);
        CompletableFuture<Void> second = acks.awaitSlave(300);

        acks.slaveReached(150);

        assertThat(first).isCompleted();
        assertThat(second).isNotDone();
        acks.slaveReached(300);
        assertThat(second).isCompleted();
        assertThat(acks.waitingSends()).isZero();
    }

    @Test
    void aPositionAlreadyConfirmedNeedsNoWait() {
        acks.slaveReached(500);

        assertThat(acks.awaitSlave(500)).isCompleted();
    }

    @Test
    void anUnconfirmedSendFailsAfterTheTimeoutAndIsForgotten() {
        CompletableFuture<Void> waiting = acks.awaitSlave(100);

        await().atMost(Duration.ofSeconds(5)).until(waiting::isDone);

        assertThat(waiting).failsWithin(Duration.ZERO).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(TimeoutException.class);
        assertThat(acks.waitingSends()).isZero();
        assertThat(acks.replicationLag().syncTimeouts()).isOne();
    }

    @Test
    void lagIsTheUnconfirmedBytesAndTheTimeSinceTheSlaveLastHadEverything() {
        source.end = 1_000;
        acks.slaveConnected();
        acks.served(new LogChunk(0, new byte[1_000], 1_000));
        acks.slaveReached(1_000);
        assertThat(acks.replicationLag().bytes()).isZero();
        assertThat(acks.replicationLag().behind()).isZero();

        source.end = 5_000;
        clock.advance(Duration.ofSeconds(3));

        assertThat(acks.replicationLag().bytes()).isEqualTo(4_000);
        assertThat(acks.replicationLag().behind()).isEqualTo(Duration.ofSeconds(3));
        assertThat(acks.replicationLag().slaves()).isOne();
    }

    @Test
    void aSlaveThatConfirmsPartOfAChunkIsStillBehindSinceItsLastFullCatchUp() {
        source.end = 2_000;
        acks.served(new LogChunk(0, new byte[1_000], 2_000));
        clock.advance(Duration.ofSeconds(1));
        acks.slaveReached(1_000);
        clock.advance(Duration.ofSeconds(1));

        assertThat(acks.replicationLag().behind()).isEqualTo(Duration.ofSeconds(2));
    }
}

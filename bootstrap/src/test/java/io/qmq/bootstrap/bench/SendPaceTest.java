package io.qmq.bootstrap.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SendPaceTest {

    @Test
    void spreadsTurnsOverTheScheduleAtTheGivenRate() {
        long start = System.nanoTime();
        SendPace pace = SendPace.of(1_000, start);

        for (int i = 0; i < 201; i++) {
            pace.awaitTurn();
        }

        // turn 200 is due 200 ms after the start: not earlier, and not much later on a busy machine
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(199L, 1_500L);
        assertThat(pace.expectedIntervalMicros()).isEqualTo(1_000);
    }

    @Test
    void aLateTurnIsFollowedByCatchUpTurnsNotASlowerRate() throws InterruptedException {
        long start = System.nanoTime();
        SendPace pace = SendPace.of(100, start);
        Thread.sleep(300);

        long caughtUp = System.nanoTime();
        for (int i = 0; i < 25; i++) {
            pace.awaitTurn();
        }

        // the first 30 turns (0..290 ms) were already due: taking 25 of them does not wait
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - caughtUp)).isLessThan(50);
    }

    @Test
    void withoutARateEveryTurnIsTakenAtOnce() {
        SendPace pace = SendPace.of(0, System.nanoTime());
        long start = System.nanoTime();

        for (int i = 0; i < 100_000; i++) {
            pace.awaitTurn();
        }

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(500);
        assertThat(pace.expectedIntervalMicros()).isZero();
    }
}

package io.qmq.bootstrap.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeliveryLatenessTest {

    private static final long DUE_MILLIS = 1_700_000_000_000L;
    private static final long DUE_MICROS = DUE_MILLIS * 1_000;

    @Test
    void recordsHowLongAfterTheDueTimeEachMessageArrived() {
        DeliveryLateness lateness = new DeliveryLateness();
        lateness.record("a", DUE_MILLIS, DUE_MICROS + 5_000);
        lateness.record("b", DUE_MILLIS, DUE_MICROS + 15_000);

        assertThat(lateness.total().getTotalCount()).isEqualTo(2);
        assertThat(lateness.total().getMaxValue()).isBetween(14_990L, 15_010L);
        assertThat(lateness.early()).isZero();
        assertThat(lateness.duplicates()).isZero();
    }

    @Test
    void countsAMessageBeforeItsDueTimeAsEarly() {
        DeliveryLateness lateness = new DeliveryLateness();
        lateness.record("a", DUE_MILLIS, DUE_MICROS - 1);
        lateness.record("b", DUE_MILLIS, DUE_MICROS);

        assertThat(lateness.early()).isEqualTo(1);
        assertThat(lateness.total().getTotalCount()).isEqualTo(2);
    }

    @Test
    void countsAnIdSeenBeforeAsADuplicateAndRecordsItOnce() {
        DeliveryLateness lateness = new DeliveryLateness();
        lateness.record("a", DUE_MILLIS, DUE_MICROS + 1_000);
        lateness.record("a", DUE_MILLIS, DUE_MICROS + 2_000);

        assertThat(lateness.duplicates()).isEqualTo(1);
        assertThat(lateness.total().getTotalCount()).isEqualTo(1);
    }

    @Test
    void delayWindowDrawsDueTimesWithinItsBounds() {
        DelayWindow window = new DelayWindow(Duration.ofSeconds(5), Duration.ofSeconds(10));
        for (int i = 0; i < 1_000; i++) {
            assertThat(window.dueMillis(DUE_MILLIS)).isBetween(DUE_MILLIS + 5_000, DUE_MILLIS + 10_000);
        }
        assertThat(window.isSet()).isTrue();
        assertThat(DelayWindow.NONE.isSet()).isFalse();
        assertThatThrownBy(() -> new DelayWindow(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

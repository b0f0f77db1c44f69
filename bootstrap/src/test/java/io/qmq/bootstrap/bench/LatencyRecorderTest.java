package io.qmq.bootstrap.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

    private final LatencyRecorder recorder = new LatencyRecorder();

    @Test
    void aStallAtAFixedRateAlsoCountsTheSendsThatWaitedBehindIt() {
        for (int i = 0; i < 99; i++) {
            recorder.record(100, 500);
        }
        recorder.record(5_000, 500);

        recorder.nextInterval();
        Histogram total = recorder.total();

        // the 5 ms stall stands for itself and the sends due at 4.5, 4.0, ... 0.5 ms behind it
        assertThat(total.getTotalCount()).isEqualTo(109);
        assertThat(total.getValueAtPercentile(99)).isGreaterThanOrEqualTo(4_000);
    }

    @Test
    void withoutAnExpectedIntervalEachValueCountsOnce() {
        for (int i = 0; i < 99; i++) {
            recorder.record(100);
        }
        recorder.record(5_000, 0);

        recorder.nextInterval();

        assertThat(recorder.total().getTotalCount()).isEqualTo(100);
        assertThat(recorder.total().getValueAtPercentile(99)).isLessThan(200);
    }

    @Test
    void anIntervalLeftUncountedIsShownButNotInTheTotal() {
        recorder.record(9_000);
        // read at once: the recorder recycles an interval's histogram on the next call
        long shownInWarmUp = recorder.nextInterval(false).getTotalCount();
        recorder.record(100);
        recorder.nextInterval(true);

        assertThat(shownInWarmUp).isEqualTo(1);
        assertThat(recorder.total().getTotalCount()).isEqualTo(1);
        assertThat(recorder.total().getMaxValue()).isLessThan(200);
    }
}

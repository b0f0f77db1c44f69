package io.qmq.domain.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The stock client's dead-letter decision (wire protocol §6.3): n = qmq_times + 1, dead when n > max. */
class RetryPolicyTest {

    @Test
    void defaultsAreQmqs() {
        assertThat(RetryPolicy.DEFAULT.maxRetries()).isEqualTo(32);
        assertThat(RetryPolicy.DEFAULT.retryDelay()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void theThirtySecondFailureGoesToTheDeadLetterSubject() {
        // qmq_times is 32 on the 32nd delivery; its failure would make attempt 33
        assertThat(RetryPolicy.DEFAULT.isExhausted(32)).isFalse();
        assertThat(RetryPolicy.DEFAULT.isExhausted(33)).isTrue();
        // the first failure: qmq_times absent means 1, next attempt is 2
        assertThat(RetryPolicy.DEFAULT.isExhausted(2)).isFalse();
    }

    @Test
    void refusesNegativeLimitsAndDelays() {
        assertThatThrownBy(() -> new RetryPolicy(-1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatNullPointerException().isThrownBy(() -> new RetryPolicy(3, null));
        assertThat(new RetryPolicy(0, Duration.ZERO).isExhausted(2)).isTrue();
    }

    @Property(tries = 500)
    void deadExactlyWhenTheNextAttemptExceedsTheLimit(@ForAll @IntRange(min = 0, max = 100) int max,
                                                      @ForAll @IntRange(min = 1, max = 200) int times) {
        RetryPolicy policy = new RetryPolicy(max, Duration.ofSeconds(5));
        int next = times + 1;

        assertThat(policy.isExhausted(next)).isEqualTo(next > max);
    }

    /** Following the rule delivery by delivery, a message that always fails is delivered max times. */
    @Property(tries = 100)
    void anAlwaysFailingMessageIsDeliveredMaxTimes(@ForAll @IntRange(min = 1, max = 100) int max) {
        RetryPolicy policy = new RetryPolicy(max, Duration.ZERO);
        int deliveries = 1;
        while (!policy.isExhausted(deliveries + 1) && deliveries <= max) {
            deliveries++;
        }

        assertThat(deliveries).isEqualTo(max);
    }
}

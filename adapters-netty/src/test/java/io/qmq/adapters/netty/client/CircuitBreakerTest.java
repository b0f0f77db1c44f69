package io.qmq.adapters.netty.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final CircuitBreaker breaker = new CircuitBreaker();

    @Test
    void opensOnlyAfterAHundredConsecutiveFailures() {
        fail(99, 0);
        breaker.succeeded();
        fail(99, 0);
        assertThat(breaker.allows(0)).isTrue();

        breaker.failed(0);
        assertThat(breaker.allows(0)).isFalse();
        assertThat(breaker.allows(4_999)).isFalse();
    }

    @Test
    void halfOpensAfterFiveSecondsAndOneFailureOpensItAgain() {
        fail(100, 1_000);

        assertThat(breaker.allows(6_000)).isTrue();
        breaker.failed(6_000);
        assertThat(breaker.allows(6_001)).isFalse();
        assertThat(breaker.allows(11_000)).isTrue();
    }

    @Test
    void twentySuccessesCloseItSoSingleFailuresNoLongerOpenIt() {
        fail(100, 0);
        assertThat(breaker.allows(5_000)).isTrue();
        for (int i = 0; i < 20; i++) {
            breaker.succeeded();
        }

        breaker.failed(5_001);

        assertThat(breaker.allows(5_002)).isTrue();
    }

    @Test
    void producersSkipGroupsTheBreakerRefusesWhileAnotherIsLeft() {
        BrokerRoute a = new BrokerRoute("a", "10.0.0.1:1");
        BrokerRoute b = new BrokerRoute("b", "10.0.0.2:1");
        Route route = new Route(List.of(a, b), 0);

        assertThat(route.nextWritable(name -> !name.equals("a"))).contains(b);
        assertThat(route.nextWritable(name -> !name.equals("a"))).contains(b);
        assertThat(route.nextWritable(name -> false)).isPresent();
    }

    private void fail(int times, long now) {
        for (int i = 0; i < times; i++) {
            breaker.failed(now);
        }
    }
}

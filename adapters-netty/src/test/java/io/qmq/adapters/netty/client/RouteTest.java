package io.qmq.adapters.netty.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.qmq.domain.cluster.ClientType;
import io.qmq.domain.message.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RouteTest {

    private static final BrokerRoute A = new BrokerRoute("a", "10.0.0.1:20881");
    private static final BrokerRoute B = new BrokerRoute("b", "10.0.0.2:20881");
    private static final BrokerRoute C = new BrokerRoute("c", "10.0.0.3:20881");
    private static final RouteKey PRODUCER_KEY = new RouteKey(ClientType.PRODUCER, Subject.of("orders"));
    private static final RouteKey CONSUMER_KEY = new RouteKey(ClientType.CONSUMER, Subject.of("orders"));

    @Test
    void producersRotateRoundRobinFromTheStart() {
        Route route = new Route(List.of(A, B, C), 1);

        assertThat(picks(route, 6)).containsExactly("b", "c", "a", "b", "c", "a");
    }

    @Test
    void unavailableGroupsAreSkippedWhileAnotherIsLeft() {
        Route route = new Route(List.of(A, B, C), 0);
        route.markUnavailable("b");

        assertThat(picks(route, 4)).containsExactly("a", "c", "c", "a");
        assertThat(route.readable()).containsExactly(A, C);
    }

    @Test
    void whenEveryGroupIsUnavailableOneIsStillTried() {
        Route route = new Route(List.of(A, B), 0);
        route.markUnavailable("a");
        route.markUnavailable("b");

        assertThat(route.nextWritable()).isPresent();
        assertThat(route.readable()).isEmpty();
    }

    @Test
    void theSameAnswerKeepsTheRouteAndItsUnavailableMarks() {
        RouteTable table = new RouteTable(() -> 0);
        table.update(PRODUCER_KEY, List.of(A, B));
        Route first = table.current(PRODUCER_KEY).orElseThrow();
        first.markUnavailable("a");

        table.update(PRODUCER_KEY, List.of(B, A));

        assertThat(table.current(PRODUCER_KEY)).containsSame(first);
        assertThat(first.isUnavailable("a")).isTrue();
    }

    @Test
    void aChangedAnswerReplacesTheRouteAndClearsTheMarks() {
        RouteTable table = new RouteTable(() -> 0);
        table.update(PRODUCER_KEY, List.of(A, B));
        table.current(PRODUCER_KEY).orElseThrow().markUnavailable("a");

        table.update(PRODUCER_KEY, List.of(A, new BrokerRoute("b", "10.0.0.9:20881")));

        assertThat(table.current(PRODUCER_KEY).orElseThrow().isUnavailable("a")).isFalse();
    }

    @Test
    void producersIgnoreAnEmptyAnswerButConsumersAcceptIt() {
        RouteTable table = new RouteTable(() -> 0);
        CompletableFuture<Route> producerRoute = table.await(PRODUCER_KEY);
        CompletableFuture<Route> consumerRoute = table.await(CONSUMER_KEY);

        table.update(PRODUCER_KEY, List.of());
        table.update(CONSUMER_KEY, List.of());

        assertThat(producerRoute).isNotDone();
        assertThat(consumerRoute).isCompleted();
        assertThat(consumerRoute.join().isEmpty()).isTrue();

        table.update(PRODUCER_KEY, List.of(A));
        assertThat(producerRoute.join().groups()).containsExactly(A);
    }

    private static List<String> picks(Route route, int n) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add(route.nextWritable().orElseThrow().groupName());
        }
        return names;
    }
}

package io.qmq.adapters.netty.client;

import io.qmq.domain.cluster.ClientType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * The latest usable meta answer per {@link RouteKey}. Callers that need a route before the first answer
 * arrived wait on a future; an empty list never satisfies a producer (the stock client ignores such an
 * answer too) but is a valid answer for a consumer, who then has nothing to pull.
 */
final class RouteTable {

    private final Map<RouteKey, Route> routes = new ConcurrentHashMap<>();
    private final Map<RouteKey, CompletableFuture<Route>> firstAnswers = new ConcurrentHashMap<>();
    private final IntSupplier randomStart;

    RouteTable(IntSupplier randomStart) {
        this.randomStart = randomStart;
    }

    /** Applies a meta answer whose groups were already filtered for the key's client type. */
    void update(RouteKey key, List<BrokerRoute> groups) {
        if (groups.isEmpty() && key.type() != ClientType.CONSUMER) {
            return;
        }
        Route route = routes.compute(key, (k, old) ->
                old != null && old.sameGroupsAs(groups) ? old : new Route(groups, randomStart.getAsInt()));
        answerFor(key).complete(route);
    }

    Optional<Route> current(RouteKey key) {
        return Optional.ofNullable(routes.get(key));
    }

    /** Completes with the current route, or with the first one the meta server sends. */
    CompletableFuture<Route> await(RouteKey key) {
        Route route = routes.get(key);
        return route != null ? CompletableFuture.completedFuture(route) : answerFor(key);
    }

    private CompletableFuture<Route> answerFor(RouteKey key) {
        return firstAnswers.computeIfAbsent(key, k -> new CompletableFuture<>());
    }
}

package io.qmq.adapters.netty.client;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The broker groups a client may use for one {@link RouteKey}, in the meta server's order, with this
 * client's own notes on them.
 *
 * <p>A group is marked unavailable after it rejected a request (code 52 or a read-only answer). The
 * mark lives as long as this object: the route table replaces a route only when the meta server's
 * answer changes (group names or addresses), which is the only thing that clears it. Producers rotate
 * round-robin from a random start and skip marked groups while another one is left.
 */
final class Route {

    private final List<BrokerRoute> groups;
    private final Set<String> unavailable = ConcurrentHashMap.newKeySet();
    private final AtomicInteger cursor;

    Route(List<BrokerRoute> groups, int start) {
        this.groups = List.copyOf(groups);
        this.cursor = new AtomicInteger(Math.floorMod(start, Math.max(1, groups.size())));
    }

    List<BrokerRoute> groups() {
        return groups;
    }

    boolean isEmpty() {
        return groups.isEmpty();
    }

    /** The next group to send to: round-robin, skipping unavailable groups unless no other is left. */
    Optional<BrokerRoute> nextWritable() {
        return nextWritable(name -> true);
    }

    /** As {@link #nextWritable()}, also skipping groups {@code allowed} refuses (an open circuit breaker). */
    Optional<BrokerRoute> nextWritable(Predicate<String> allowed) {
        int size = groups.size();
        if (size == 0) {
            return Optional.empty();
        }
        int start = Math.floorMod(cursor.getAndIncrement(), size);
        for (int i = 0; i < size; i++) {
            BrokerRoute candidate = groups.get((start + i) % size);
            if (!unavailable.contains(candidate.groupName()) && allowed.test(candidate.groupName())) {
                return Optional.of(candidate);
            }
        }
        return Optional.of(groups.get(start));
    }

    /** The groups a consumer pulls from: every listed group it has not seen reject it. */
    List<BrokerRoute> readable() {
        return groups.stream().filter(g -> !unavailable.contains(g.groupName())).toList();
    }

    void markUnavailable(String groupName) {
        unavailable.add(groupName);
    }

    boolean isUnavailable(String groupName) {
        return unavailable.contains(groupName);
    }

    /** Whether another answer lists the same groups at the same addresses (then this route is kept). */
    boolean sameGroupsAs(List<BrokerRoute> other) {
        return Set.copyOf(groups).equals(Set.copyOf(other));
    }

    @Override
    public String toString() {
        return "Route" + groups + (unavailable.isEmpty() ? "" : " unavailable " + unavailable);
    }
}

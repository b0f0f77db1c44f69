package io.qmq.acceptance.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

/** Waits until a set of received keys covers the expected ones, naming what is missing if it never does. */
final class Completeness {

    private static final int MISSING_SHOWN = 10;

    private Completeness() {
    }

    static void awaitAll(String who, Set<String> expected, Supplier<Set<String>> received) {
        assertThat(expected).as("messages %s should get (none were acknowledged?)", who).isNotEmpty();
        await(who + " receives " + expected.size() + " messages")
                .atMost(Patience.DELIVERY).pollInterval(Patience.POLL)
                .untilAsserted(() -> {
                    Set<String> missing = new HashSet<>(expected);
                    missing.removeAll(received.get());
                    assertThat(missing.size())
                            .as("messages of %d not received by %s, e.g. %s", expected.size(), who,
                                    missing.stream().limit(MISSING_SHOWN).toList())
                            .isZero();
                });
    }
}

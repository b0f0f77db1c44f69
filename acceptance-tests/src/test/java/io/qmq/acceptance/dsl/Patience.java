package io.qmq.acceptance.dsl;

import java.time.Duration;

/** How long steps wait for the system; each is an upper bound, never a sleep. */
final class Patience {

    /** For every message of a step to be acknowledged by the broker. */
    static final Duration SENDING = Duration.ofMinutes(3);
    /** For consumers to have received what they should. */
    static final Duration DELIVERY = Duration.ofMinutes(2);
    /** For a new subscription to be taking messages. */
    static final Duration SUBSCRIBING = Duration.ofSeconds(30);
    /** How long nothing more may arrive before "received exactly" holds. */
    static final Duration QUIET = Duration.ofSeconds(2);
    /** How often waits look again. */
    static final Duration POLL = Duration.ofMillis(100);

    private Patience() {
    }
}

package io.qmq.adapters.netty.client;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Generates message ids {@code <millis base 36>.<client tag>.<counter>}: unique per client through the
 * counter, across clients through a random tag, and short (well under the 100-character limit).
 */
final class MessageIds {

    private final Clock clock;
    private final String clientTag = Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);
    private final AtomicLong counter = new AtomicLong();

    MessageIds(Clock clock) {
        this.clock = clock;
    }

    String next() {
        return Long.toString(clock.millis(), Character.MAX_RADIX) + '.' + clientTag + '.' + counter.incrementAndGet();
    }
}

package io.qmq.acceptance.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import io.qmq.acceptance.driver.ClientDriver;
import io.qmq.acceptance.driver.OutgoingMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A number of messages sent to one subject; {@link #to} returns once the broker acknowledged all of
 * them, and fails the test if the client gave up on any. Defaults: no tags, the client's own retry
 * limit, and the batch named after nothing in particular.
 */
public final class Batch {

    /** Sends outstanding at once: well under the stock producer's queue of 10,000. */
    private static final int MAX_IN_FLIGHT = 2_000;

    private final World world;
    private final ClientDriver client;
    private final int count;
    private Set<String> tags = Set.of();
    private String name = "";
    private int maxAttempts;
    private Duration delay;

    Batch(World world, ClientDriver client, int count) {
        this.world = world;
        this.client = client;
        this.count = count;
    }

    public Batch taggedWith(String... messageTags) {
        this.tags = Set.of(messageTags);
        return this;
    }

    /** Names the batch so that expectations can refer to it. */
    public Batch as(String batchName) {
        this.name = batchName;
        return this;
    }

    /** Each message is due {@code delay} after it is sent, so producers route it to a delay group. */
    public Batch dueIn(Duration delay) {
        this.delay = delay;
        return this;
    }

    /** Consumers get each message at most this often before it becomes a dead letter. */
    public Batch allowingAttempts(int attempts) {
        this.maxAttempts = attempts;
        return this;
    }

    public void to(String subject) {
        String wireSubject = world.names.subject(subject);
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        AtomicInteger failed = new AtomicInteger();
        long deadline = System.nanoTime() + Patience.SENDING.toNanos();
        for (int i = 0; i < count; i++) {
            acquire(inFlight, 1, deadline);
            String key = world.ledger.newKey();
            client.send(new OutgoingMessage(wireSubject, Ledger.propertiesFor(key), tags, maxAttempts, dueAt(key)))
                    .whenComplete((acknowledged, error) -> {
                        if (error == null) {
                            world.ledger.acknowledged(key, subject, name, tags);
                        } else {
                            failed.incrementAndGet();
                        }
                        inFlight.release();
                    });
        }
        acquire(inFlight, MAX_IN_FLIGHT, deadline);
        assertThat(failed.get()).as("sends the client gave up on, of %d to %s", count, subject).isZero();
    }

    /** When the message is due on the wall clock, noted in the ledger too; null when it is not delayed. */
    private Instant dueAt(String key) {
        if (delay == null) {
            return null;
        }
        world.ledger.due(key, System.nanoTime() + delay.toNanos());
        return Instant.now().plus(delay);
    }

    private static void acquire(Semaphore inFlight, int permits, long deadline) {
        try {
            boolean acquired = inFlight.tryAcquire(permits, deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            assertThat(acquired).as("every send acknowledged within %s", Patience.SENDING).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending", e);
        }
    }
}

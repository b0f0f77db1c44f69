package io.qmq.acceptance.dsl;

import io.qmq.acceptance.driver.ClientDriver;
import io.qmq.acceptance.driver.OutgoingMessage;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends to one subject at a steady pace on its own thread until stopped, or until its message or time
 * budget runs out. Acknowledged messages go to the ledger; sends the client gave up on (while the node
 * is down) are only counted, because nobody is owed them.
 */
final class SteadySender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SteadySender.class);
    private static final int MESSAGES_PER_TICK = 10;
    private static final long TICK_MILLIS = 10;
    private static final int MAX_MESSAGES = 100_000;
    private static final Duration MAX_TIME = Duration.ofMinutes(2);
    private static final int MAX_IN_FLIGHT = 500;
    private static final Duration SETTLE = Duration.ofMinutes(1);

    private final World world;
    private final ClientDriver client;
    private final String subject;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final AtomicInteger givenUp = new AtomicInteger();
    private final Thread thread;
    private final AtomicBoolean stopping = new AtomicBoolean();

    SteadySender(World world, ClientDriver client, String subject) {
        this.world = world;
        this.client = client;
        this.subject = subject;
        this.thread = new Thread(this::sendUntilStopped, "steady-sender-" + subject);
    }

    void start() {
        thread.setDaemon(true);
        thread.start();
    }

    private void sendUntilStopped() {
        String wireSubject = world.names.subject(subject);
        long deadline = System.nanoTime() + MAX_TIME.toNanos();
        int sent = 0;
        try {
            while (!stopping.get() && sent < MAX_MESSAGES && System.nanoTime() < deadline) {
                for (int i = 0; i < MESSAGES_PER_TICK; i++, sent++) {
                    inFlight.acquire();
                    sendOne(wireSubject);
                }
                Thread.sleep(TICK_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sendOne(String wireSubject) {
        String key = world.ledger.newKey();
        client.send(new OutgoingMessage(wireSubject, Ledger.propertiesFor(key), Set.of(), 0))
                .whenComplete((acknowledged, error) -> {
                    if (error == null) {
                        world.ledger.acknowledged(key, subject, "", Set.of());
                    } else {
                        givenUp.incrementAndGet();
                    }
                    inFlight.release();
                });
    }

    /** Stops sending and waits (bounded) until every send is settled, acknowledged or given up. */
    @Override
    public void close() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        try {
            thread.join(SETTLE.toMillis());
            if (inFlight.tryAcquire(MAX_IN_FLIGHT, SETTLE.toMillis(), TimeUnit.MILLISECONDS)) {
                inFlight.release(MAX_IN_FLIGHT);
            }
            LOG.info("steady sending to {} stopped: {} acknowledged in the scenario, {} given up by the client",
                    subject, world.ledger.count(), givenUp.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.qmq.acceptance.dsl;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * Holds a paused group's listeners until the test resumes the group, and knows which consumer
 * instances are holding a message, so that resuming can wait until every instance is ready to work.
 */
final class Gate {

    private final CountDownLatch opened = new CountDownLatch(1);
    private final Set<String> holding = ConcurrentHashMap.newKeySet();

    static Gate closed() {
        return new Gate();
    }

    static Gate alreadyOpen() {
        Gate gate = new Gate();
        gate.open();
        return gate;
    }

    void open() {
        opened.countDown();
    }

    void pass(String consumer) throws InterruptedException {
        holding.add(consumer);
        opened.await();
    }

    int consumersHolding() {
        return holding.size();
    }
}

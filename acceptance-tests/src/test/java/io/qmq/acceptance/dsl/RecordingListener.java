package io.qmq.acceptance.dsl;

import io.qmq.acceptance.driver.Delivery;
import io.qmq.acceptance.driver.DeliveryHandler;
import java.time.Duration;

/**
 * The application listener every DSL consumer runs: it records each keyed delivery, then behaves as
 * the test asked (waits while its group is paused, spends time on the message, or fails it).
 * Messages without a key were not sent by this scenario and are passed over.
 */
final class RecordingListener implements DeliveryHandler {

    private final Inbox inbox;
    private final String group;
    private final String consumer;
    private final Gate gate;
    private final Duration workPerMessage;
    private final boolean failing;

    RecordingListener(Inbox inbox, String group, String consumer, Gate gate, Duration workPerMessage,
                      boolean failing) {
        this.inbox = inbox;
        this.group = group;
        this.consumer = consumer;
        this.gate = gate;
        this.workPerMessage = workPerMessage;
        this.failing = failing;
    }

    @Override
    public void onMessage(Delivery delivery) throws InterruptedException {
        String key = delivery.property(Ledger.KEY);
        if (key == null) {
            return;
        }
        // Paused groups hold here, so a receipt's time is when work on it could really start.
        gate.pass(consumer);
        boolean textIntact = Ledger.textFor(key).equals(delivery.property(Ledger.TEXT));
        inbox.received(new Inbox.Receipt(key, group, consumer, delivery.attempt(), System.nanoTime(), textIntact,
                delivery.tags()));
        if (!workPerMessage.isZero()) {
            Thread.sleep(workPerMessage.toMillis());
        }
        if (failing) {
            throw new ListenerRefusedException(key, delivery.attempt());
        }
    }
}

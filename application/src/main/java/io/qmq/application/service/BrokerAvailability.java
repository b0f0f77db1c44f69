package io.qmq.application.service;

import io.qmq.domain.cluster.BrokerState;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether this broker takes new messages now, as the meta server last said. Read-only brokers refuse
 * sends with READ_ONLY, which makes producers move to another group and refresh their routes, while
 * pulls and acks go on so consumers drain what is stored.
 */
public final class BrokerAvailability {

    private final AtomicReference<BrokerState> state = new AtomicReference<>(BrokerState.READ_WRITE);

    public void update(BrokerState newState) {
        state.set(newState);
    }

    public BrokerState state() {
        return state.get();
    }

    public boolean acceptsSends() {
        return state.get().isWritable();
    }
}

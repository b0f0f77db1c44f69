package io.qmq.domain.consumer;

import java.util.Objects;

/** One consumer instance within a subscription: the owner of a pull log. */
public record Consumer(Subscription subscription, ConsumerId id) {

    public Consumer {
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(id, "consumer id");
    }

    @Override
    public String toString() {
        return id + "/" + subscription;
    }
}

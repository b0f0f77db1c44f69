package io.qmq.bootstrap.wiring;

import java.util.Objects;

/** Which message and pull log implementation the node uses ({@code store.kind}). */
public record StoreChoice(String kind) {

    public StoreChoice {
        Objects.requireNonNull(kind, "store kind");
    }
}

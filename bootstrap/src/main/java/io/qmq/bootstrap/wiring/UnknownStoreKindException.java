package io.qmq.bootstrap.wiring;

import java.util.Collection;
import java.util.TreeSet;

/** {@code store.kind} names a store this build does not have. */
public final class UnknownStoreKindException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownStoreKindException(String port, String kind, Collection<String> known) {
        super("unknown store.kind '" + kind + "' for the " + port + "; known kinds: " + new TreeSet<>(known));
    }
}

package io.qmq.application.port.out;

import java.util.List;

/**
 * A route write named a broker group the store does not hold (never registered, or removed meanwhile,
 * possibly by another meta server). Nothing was written.
 */
public final class BrokerGroupMissingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> missing;

    public BrokerGroupMissingException(List<String> missing, Throwable cause) {
        super("no broker group " + missing + " exists", cause);
        this.missing = List.copyOf(missing);
    }

    /** The names found missing; possibly all those the write named, when the store cannot tell which. */
    public List<String> missing() {
        return missing;
    }
}

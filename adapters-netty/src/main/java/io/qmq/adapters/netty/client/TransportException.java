package io.qmq.adapters.netty.client;

import java.time.Duration;

/**
 * A request to a broker that got no answer: the connection could not be made, broke, or the answer did
 * not come in time. The client treats all three alike (the request may or may not have been processed).
 */
final class TransportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private TransportException(String message, Throwable cause) {
        super(message, cause);
    }

    static TransportException unreachable(String address, Throwable cause) {
        return new TransportException("cannot connect to " + address, cause);
    }

    static TransportException closed(String address) {
        return new TransportException("connection to " + address + " closed before the answer came", null);
    }

    static TransportException timedOut(String address, int code, Duration timeout) {
        return new TransportException("request code " + code + " to " + address + " got no answer in "
                + timeout.toMillis() + " ms", null);
    }

    static TransportException refused(String address, String reason) {
        return new TransportException("answer from " + address + " refused: " + reason, null);
    }

    static TransportException unwritable(String address, Throwable cause) {
        return new TransportException("cannot write to " + address, cause);
    }
}

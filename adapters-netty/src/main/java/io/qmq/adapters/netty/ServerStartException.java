package io.qmq.adapters.netty;

/** A server could not start listening, typically because its port is taken. */
public final class ServerStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ServerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.qmq.bootstrap.admin;

/** An admin request that did not succeed, with a reason fit to show an operator. */
public final class AdminRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AdminRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}

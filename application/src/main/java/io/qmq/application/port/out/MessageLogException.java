package io.qmq.application.port.out;

/** The message log could not do what was asked: a disk error, a closed log, a full ring. */
public class MessageLogException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MessageLogException(String message) {
        super(message);
    }

    public MessageLogException(String message, Throwable cause) {
        super(message, cause);
    }
}

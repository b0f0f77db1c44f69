package io.qmq.domain.message;

/** A subject name that the broker will not file messages under. */
public final class InvalidSubjectException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidSubjectException(String name, String reason) {
        super("invalid subject '" + name + "': " + reason);
    }
}

package io.qmq.domain.message;

/** A message that breaks a rule of the domain: too many tags, an empty id, too large. */
public class InvalidMessageException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidMessageException(String message) {
        super(message);
    }
}

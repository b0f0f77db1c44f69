package io.qmq.adapters.netty.codec;

/** A frame body that does not follow its command's layout: truncated, a bad length, an unknown type. */
public final class MalformedBodyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MalformedBodyException(String message) {
        super(message);
    }
}

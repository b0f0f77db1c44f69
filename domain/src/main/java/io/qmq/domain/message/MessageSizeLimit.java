package io.qmq.domain.message;

/**
 * The largest encoded message the broker accepts. QMQ sets none; a bound keeps one producer from
 * exhausting a broker's memory and keeps pull responses within their frame limit.
 */
public record MessageSizeLimit(int maxBytes) {

    public static final MessageSizeLimit DEFAULT = new MessageSizeLimit(4 * 1024 * 1024);

    public MessageSizeLimit {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("message size limit must be positive, got " + maxBytes);
        }
    }

    public void check(Message message) {
        if (message.size() > maxBytes) {
            throw new InvalidMessageException("message " + message.id() + " has " + message.size()
                    + " bytes, more than the limit of " + maxBytes);
        }
    }
}

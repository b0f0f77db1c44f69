package io.qmq.application.service;

import io.qmq.domain.delay.DelayLimit;
import io.qmq.domain.message.MessageSizeLimit;
import java.time.Duration;
import java.util.Objects;

/**
 * How the delay server behaves.
 *
 * @param limit        how far ahead messages may be scheduled
 * @param sizeLimit    the largest message accepted
 * @param lookahead    how far ahead of now due entries are brought into memory; memory holds about
 *                     {@code rate × lookahead} entries, never the messages far in the future
 * @param forwardBatch the most messages forwarded in one request
 * @param retryBackoff how long to wait before forwarding again after a failure
 */
public record DelaySettings(DelayLimit limit, MessageSizeLimit sizeLimit, Duration lookahead, int forwardBatch,
                            Duration retryBackoff) {

    public static final DelaySettings DEFAULTS = new DelaySettings(DelayLimit.DEFAULT, MessageSizeLimit.DEFAULT,
            Duration.ofSeconds(10), 100, Duration.ofSeconds(1));

    public DelaySettings {
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(sizeLimit, "size limit");
        Objects.requireNonNull(lookahead, "lookahead");
        Objects.requireNonNull(retryBackoff, "retry backoff");
        if (lookahead.toMillis() < 100 || forwardBatch < 1 || retryBackoff.isNegative()) {
            throw new IllegalArgumentException("invalid delay settings: lookahead " + lookahead + ", batch "
                    + forwardBatch + ", backoff " + retryBackoff);
        }
    }
}

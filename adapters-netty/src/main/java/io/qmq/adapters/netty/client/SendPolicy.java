package io.qmq.adapters.netty.client;

import java.time.Duration;

/**
 * How long a sender keeps trying. The producer gives up after a few tries and fails the message's
 * future; a consumer's send-back never gives up (the original stays un-acked until its copy is stored),
 * pausing longer once every group failed twice, as the stock client does.
 *
 * @param maxTries  attempts before giving up
 * @param pause     wait before another attempt
 * @param longPause wait before another attempt once tries reach twice the number of groups
 */
record SendPolicy(int maxTries, Duration pause, Duration longPause) {

    static SendPolicy producer(int tries) {
        return new SendPolicy(tries, Duration.ofMillis(100), Duration.ofMillis(100));
    }

    static SendPolicy sendBack() {
        return new SendPolicy(Integer.MAX_VALUE, Duration.ZERO, Duration.ofSeconds(5));
    }

    Duration pauseAfter(int tries, int groupCount) {
        return tries >= 2 * Math.max(1, groupCount) ? longPause : pause;
    }
}

package io.qmq.adapters.netty.client;

import io.qmq.domain.consumer.RetryPolicy;
import io.qmq.domain.message.Subject;
import java.time.Duration;
import java.util.Map;

/**
 * Where a failed message goes next, by the stock client's rule: attempt {@code n} = {@code qmq_times}
 * (1 when absent) + 1; when {@code n} exceeds the retry limit (the message's {@code qmq_maxRetryNum},
 * else the consumer's default) the copy goes to the dead-letter subject, otherwise to the retry subject.
 *
 * @param subject    the retry or dead-letter subject of the real subject for the consumer group
 * @param attempt    the copy's {@code qmq_times}
 * @param deadLetter whether retries ran out
 */
record RetryDecision(Subject subject, int attempt, boolean deadLetter) {

    static RetryDecision of(Subject realSubject, String consumerGroup, Map<String, String> attributes,
                            int defaultMaxRetries) {
        int attempt = MessageAttributes.times(attributes) + 1;
        int max = MessageAttributes.intValue(attributes, MessageAttributes.MAX_RETRY_NUM, defaultMaxRetries);
        boolean dead = new RetryPolicy(Math.max(0, max), Duration.ZERO).isExhausted(attempt);
        Subject target = dead ? realSubject.deadLetterFor(consumerGroup) : realSubject.retryFor(consumerGroup);
        return new RetryDecision(target, attempt, dead);
    }
}

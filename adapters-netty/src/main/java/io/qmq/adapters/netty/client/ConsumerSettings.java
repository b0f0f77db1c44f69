package io.qmq.adapters.netty.client;

import io.qmq.domain.consumer.TagFilter;
import io.qmq.domain.message.Subject;
import java.time.Duration;
import java.util.Objects;

/**
 * How one consumer pulls and settles.
 *
 * @param subject        the subscribed subject: a real one, or a dead-letter subject to drain
 * @param group          the consumer group on the wire: the configured group, or the client id for a
 *                       broadcast consumer; retry and dead-letter subjects are named after it
 * @param consumerId     the client id
 * @param tagFilter      server-side tag selection
 * @param broadcast      every instance gets every message
 * @param atMostOnce     ack on receipt; never retry
 * @param maxRetries     retry limit for messages without {@code qmq_maxRetryNum}
 * @param pullBatchSize  messages asked for per pull; also the ack threshold
 * @param longPoll       how long a broker may hold a pull with nothing to deliver
 * @param unackedLimit   pulling from a group pauses while more messages than this are un-acked there
 * @param ackInterval    pending acks (or a heartbeat) go out at least this often
 */
record ConsumerSettings(Subject subject, String group, String consumerId, TagFilter tagFilter, boolean broadcast,
                        boolean atMostOnce, int maxRetries, int pullBatchSize, Duration longPoll, int unackedLimit,
                        Duration ackInterval) {

    static final int DEFAULT_MAX_RETRIES = 32;
    /**
     * Larger than the stock client's 50 and 100: one long-polling pull in flight per stream means a
     * consumer drains at most (un-acked limit) messages per ack round trip, which capped a backlog
     * drain at a few thousand messages a second. Not larger still: a stream keeps pulling until its
     * un-acked limit is reached, whatever its listener threads can start, so 500 per pull and 5,000
     * un-acked (which drained a backlog about 1.4x faster with fast listeners) let the first of four
     * slow consumers hoard most of a 6,000-message backlog, and adding consumers stopped helping
     * (ParallelConsumptionAcceptanceTest). Bounding what a stream holds by what its listeners get
     * through is the way to have both.
     */
    static final int DEFAULT_PULL_BATCH_SIZE = 100;
    static final Duration DEFAULT_LONG_POLL = Duration.ofMillis(2500);
    static final int DEFAULT_UNACKED_LIMIT = 1_000;
    static final Duration DEFAULT_ACK_INTERVAL = Duration.ofSeconds(10);
    static final int MAX_PULL_BATCH_SIZE = 10_000;

    ConsumerSettings {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(group, "consumer group");
        Objects.requireNonNull(tagFilter, "tag filter");
        if (group.indexOf('%') >= 0 || (subject.name().indexOf('%') >= 0 && !subject.isDeadLetter())) {
            // retry subjects are named %RETRY%subject%group and parsed by splitting on '%'
            throw new IllegalArgumentException("subject and consumer group must not contain '%': " + group + "@" + subject);
        }
        if (maxRetries < 0 || pullBatchSize < 1 || pullBatchSize > MAX_PULL_BATCH_SIZE || unackedLimit < 1) {
            throw new IllegalArgumentException("invalid consumer settings for " + group + "@" + subject
                    + ": maxRetries " + maxRetries + ", pullBatchSize " + pullBatchSize + ", unackedLimit " + unackedLimit);
        }
    }

    /** The subjects pulled: the subject and the group's retry subject (none for a dead-letter subject). */
    java.util.List<Subject> pulledSubjects() {
        return subject.isDeadLetter() ? java.util.List.of(subject) : java.util.List.of(subject, subject.retryFor(group));
    }
}

package io.qmq.adapters.netty.client;

import io.qmq.domain.consumer.TagFilter;
import io.qmq.domain.message.Subject;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Configures a {@link ListenerConsumer}; defaults are the stock client's: 32 retries, batches of 50,
 * 2500 ms long-poll, no tag filter, not broadcast, at-least-once, and a pool of 4 listener threads
 * owned by the consumer (an executor passed in is not shut down by it).
 */
public final class ListenerConsumerBuilder {

    private static final int DEFAULT_THREADS = 4;

    private final Subject subject;
    private final String group;
    private final Function<ListenerConsumerBuilder, ListenerConsumer> starter;
    private MessageListener listener;
    private ExecutorService executor;
    private int threads = DEFAULT_THREADS;
    private TagFilter tagFilter = TagFilter.NONE;
    private boolean broadcast;
    private boolean atMostOnce;
    private int maxRetries = ConsumerSettings.DEFAULT_MAX_RETRIES;
    private int pullBatchSize = ConsumerSettings.DEFAULT_PULL_BATCH_SIZE;
    private Duration longPoll = ConsumerSettings.DEFAULT_LONG_POLL;
    private Duration ackInterval = ConsumerSettings.DEFAULT_ACK_INTERVAL;

    ListenerConsumerBuilder(Subject subject, String group, Function<ListenerConsumerBuilder, ListenerConsumer> starter) {
        this.subject = subject;
        this.group = Objects.requireNonNull(group, "consumer group");
        this.starter = starter;
    }

    public ListenerConsumerBuilder listener(MessageListener messageListener) {
        this.listener = Objects.requireNonNull(messageListener, "listener");
        return this;
    }

    /** Runs the listener on this executor, which the application owns and shuts down. */
    public ListenerConsumerBuilder executor(ExecutorService listenerExecutor) {
        this.executor = Objects.requireNonNull(listenerExecutor, "executor");
        return this;
    }

    /** Runs the listener on a pool of this many threads owned by the consumer. */
    public ListenerConsumerBuilder threads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("listener threads must be positive, got " + count);
        }
        this.threads = count;
        return this;
    }

    public ListenerConsumerBuilder tagFilter(TagFilter filter) {
        this.tagFilter = Objects.requireNonNull(filter, "tag filter");
        return this;
    }

    /** Every instance gets every message; the group on the wire is the client id. */
    public ListenerConsumerBuilder broadcast(boolean value) {
        this.broadcast = value;
        return this;
    }

    /** Acks on receipt and never retries; retried copies (times &gt; 1) are skipped. */
    public ListenerConsumerBuilder consumeAtMostOnce(boolean value) {
        this.atMostOnce = value;
        return this;
    }

    /** Retry limit for messages that do not carry their own. */
    public ListenerConsumerBuilder maxRetries(int value) {
        this.maxRetries = value;
        return this;
    }

    public ListenerConsumerBuilder pullBatchSize(int value) {
        this.pullBatchSize = value;
        return this;
    }

    public ListenerConsumerBuilder longPoll(Duration value) {
        this.longPoll = Objects.requireNonNull(value, "long-poll time");
        return this;
    }

    /** How often pending acks, or a heartbeat when there are none, are sent (default 10 s). */
    public ListenerConsumerBuilder ackInterval(Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("ack interval must be positive, got " + value);
        }
        this.ackInterval = value;
        return this;
    }

    /** Starts pulling. */
    public ListenerConsumer start() {
        Objects.requireNonNull(listener, "a listener consumer needs a listener");
        return starter.apply(this);
    }

    ConsumerSettings settings(String clientId) {
        return new ConsumerSettings(subject, broadcast ? clientId : group, clientId, tagFilter, broadcast, atMostOnce,
                maxRetries, pullBatchSize, longPoll, ConsumerSettings.DEFAULT_UNACKED_LIMIT, ackInterval);
    }

    MessageListener listener() {
        return listener;
    }

    boolean ownsExecutor() {
        return executor == null;
    }

    ExecutorService executor() {
        if (executor != null) {
            return executor;
        }
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "qmq-listener-" + group + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return Executors.newFixedThreadPool(threads, factory);
    }
}

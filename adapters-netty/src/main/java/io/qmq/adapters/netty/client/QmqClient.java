package io.qmq.adapters.netty.client;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.qmq.domain.message.Subject;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A QMQ client: one per application. It owns the Netty event loop, one connection per broker address,
 * the meta server connection and the timers, and hands out the producer and consumers. See the
 * package documentation for an example. {@link #close()} flushes pending sends and acks within the
 * configured shutdown time (once for the producer, once per consumer), then releases everything.
 */
public final class QmqClient implements AutoCloseable {

    private static final int EVENT_LOOP_THREADS = 2;

    private final QmqClientConfig config;
    private final Clock clock;
    private final EventLoopGroup eventLoops;
    private final ScheduledExecutorService timer;
    private final ScheduledExecutorService metaThread;
    private final BrokerConnections connections;
    private final MetaClient meta;
    private final BatchSender batchSender;
    private final ConsumerWiring wiring;
    private final List<Runnable> consumerClosers = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Set once pending sends had their chance: retries (send-backs included) then give up. */
    private final AtomicBoolean sendsStopped = new AtomicBoolean();
    private Producer producer;
    private SenderThreads senders;

    QmqClient(QmqClientConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.eventLoops = new NioEventLoopGroup(EVENT_LOOP_THREADS, new DefaultThreadFactory("qmq-client-io", true));
        this.timer = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("qmq-client-timer", true));
        this.metaThread = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("qmq-client-meta", true));
        this.connections = new BrokerConnections(eventLoops, config);
        RouteTable routes = new RouteTable(() -> ThreadLocalRandom.current().nextInt(1 << 16));
        this.meta = new MetaClient(eventLoops, routes, metaThread, config, clock);
        this.batchSender = new BatchSender(meta, connections, timer, config.sendTimeout(), clock, sendsStopped::get);
        this.wiring = new ConsumerWiring(meta, connections, config, timer, new SendBack(batchSender, clock), clock);
        meta.start();
    }

    public static QmqClientBuilder builder() {
        return new QmqClientBuilder();
    }

    public String clientId() {
        return config.clientId();
    }

    /** The client's producer, started on first use. */
    public synchronized Producer producer() {
        checkOpen();
        if (producer == null) {
            SendQueue queue = new SendQueue(config.producerQueueCapacity(), config.enqueueTimeout(), config.sendBatchSize());
            producer = new Producer(new ProducerStamp(config.appCode(), clock, new MessageIds(clock)), queue);
            senders = new SenderThreads(queue, batchSender, SendPolicy.producer(config.sendTries()), config.senderThreads());
            senders.start();
        }
        return producer;
    }

    /** Configures a listener consumer of {@code subject} in consumer group {@code group}. */
    public ListenerConsumerBuilder consumer(String subject, String group) {
        checkOpen();
        return new ListenerConsumerBuilder(Subject.of(subject), group, builder -> {
            ListenerConsumer consumer = new ListenerConsumer(builder.settings(config.clientId()), builder.listener(),
                    builder.executor(), builder.ownsExecutor(), wiring);
            consumerClosers.add(consumer::close);
            consumer.start();
            return consumer;
        });
    }

    /** A pull consumer of {@code subject} in consumer group {@code group}, with the default settings. */
    public PullConsumer pullConsumer(String subject, String group) {
        checkOpen();
        ListenerConsumerBuilder defaults = new ListenerConsumerBuilder(Subject.of(subject), group, b -> null);
        PullConsumer consumer = new PullConsumer(defaults.settings(config.clientId()), wiring);
        consumerClosers.add(consumer::close);
        return consumer;
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new IllegalStateException("QMQ client " + config.clientId() + " is closed");
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        synchronized (this) {
            if (producer != null) {
                producer.close();
                senders.close(config.shutdownTimeout());
            }
        }
        consumerClosers.forEach(Runnable::run);
        sendsStopped.set(true);
        // retries already scheduled run once more, see the stop and fail their messages
        timer.shutdownNow().forEach(Runnable::run);
        metaThread.shutdownNow();
        connections.close();
        meta.close();
        eventLoops.shutdownGracefully(0, config.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS).awaitUninterruptibly();
    }
}

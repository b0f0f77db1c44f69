package io.qmq.acceptance.driver;

import io.qmq.adapters.netty.client.QmqClient;
import io.qmq.adapters.netty.client.ReceivedMessage;
import io.qmq.domain.consumer.TagFilter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One consumer instance on our client. Our listener API acks when the listener returns, so an instance
 * that never acknowledges keeps each message's listener call waiting until the instance is gone; it gets
 * enough threads to hold a whole pull batch that way. The listener threads belong to this driver and are
 * only interrupted after the client is closed, so nothing they do afterwards reaches the broker.
 */
final class QmqConsumerDriver implements ConsumerDriver {

    /** Threads of an instance that holds messages: more than the 50 messages of one pull. */
    private static final int HOLDING_THREADS = 64;

    private final QmqClient client;
    private final ExecutorService listenerThreads;
    private final CountDownLatch gone;
    private final AtomicBoolean closed = new AtomicBoolean();

    private QmqConsumerDriver(QmqClient client, ExecutorService listenerThreads, CountDownLatch gone) {
        this.client = client;
        this.listenerThreads = listenerThreads;
        this.gone = gone;
    }

    static QmqConsumerDriver start(String metaServerUrl, SubscriptionRequest request, DeliveryHandler handler) {
        QmqClient client = QmqClient.builder().metaServer(metaServerUrl).appCode(QmqClientDriver.APP_CODE)
                .clientId(request.consumerId()).build();
        int threadCount = request.acknowledges() ? request.threads() : HOLDING_THREADS;
        ExecutorService threads = Executors.newFixedThreadPool(threadCount);
        CountDownLatch gone = new CountDownLatch(1);
        // the client owns the consumer it starts and closes it with itself
        client.consumer(request.subject(), request.group())
                .executor(threads)
                .tagFilter(filterOf(request))
                .listener(message -> onMessage(message, request.acknowledges(), handler, gone))
                .start();
        return new QmqConsumerDriver(client, threads, gone);
    }

    private static void onMessage(ReceivedMessage message, boolean acknowledges, DeliveryHandler handler,
                                  CountDownLatch gone) {
        try {
            handler.onMessage(new Delivery(message.subject().name(), message.messageId(), message.attributes(),
                    message.tags().values(), message.times()));
            if (!acknowledges) {
                gone.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("listener failed on " + message.messageId(), e);
        }
    }

    private static TagFilter filterOf(SubscriptionRequest request) {
        String[] tags = request.tags().toArray(String[]::new);
        return switch (request.tagMode()) {
            case ANY -> TagFilter.NONE;
            case OR -> TagFilter.any(tags);
            case AND -> TagFilter.all(tags);
        };
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            client.close();
            gone.countDown();
            listenerThreads.shutdownNow();
        }
    }
}

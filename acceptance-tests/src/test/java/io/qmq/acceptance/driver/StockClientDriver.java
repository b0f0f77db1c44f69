package io.qmq.acceptance.driver;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import qunar.tc.qmq.Message;
import qunar.tc.qmq.MessageSendStateListener;
import qunar.tc.qmq.producer.MessageProducerProvider;

/**
 * Drives the stock QMQ client 1.1.43, unchanged, as an application would: one producer per driver
 * and one {@code MessageConsumerProvider} per consumer instance, so that each instance has its own
 * client id on the wire. The JVM must run with {@code -Dqmq.ip=127.0.0.1} (the client reads it when
 * its classes load).
 */
public final class StockClientDriver implements ClientDriver {

    static final String APP_CODE = "acceptance";

    private final String metaServerUrl;
    private final MessageProducerProvider producer;
    private final List<StockConsumerDriver> consumers = new CopyOnWriteArrayList<>();

    public StockClientDriver(String metaServerUrl) {
        this.metaServerUrl = metaServerUrl;
        this.producer = new MessageProducerProvider();
        producer.setMetaServer(metaServerUrl);
        producer.setAppCode(APP_CODE);
        producer.init();
    }

    @Override
    public CompletableFuture<Void> send(OutgoingMessage outgoing) {
        Message message = producer.generateMessage(outgoing.subject());
        outgoing.properties().forEach(message::setProperty);
        outgoing.tags().forEach(message::addTag);
        if (outgoing.maxAttempts() > 0) {
            message.setMaxRetryNum(outgoing.maxAttempts());
        }
        if (outgoing.deliverAt() != null) {
            message.setDelayTime(java.util.Date.from(outgoing.deliverAt()));
        }
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        producer.sendMessage(message, new MessageSendStateListener() {
            @Override
            public void onSuccess(Message sent) {
                acknowledged.complete(null);
            }

            @Override
            public void onFailed(Message failed) {
                acknowledged.completeExceptionally(
                        new MessageNotSentException(failed.getSubject(), failed.getMessageId()));
            }
        });
        return acknowledged;
    }

    @Override
    public ConsumerDriver subscribe(SubscriptionRequest request, DeliveryHandler handler) {
        StockConsumerDriver consumer = StockConsumerDriver.start(metaServerUrl, request, handler);
        consumers.add(consumer);
        return consumer;
    }

    @Override
    public void close() {
        consumers.forEach(StockConsumerDriver::close);
        producer.destroy();
    }
}

package io.qmq.acceptance.driver;

import io.qmq.adapters.netty.client.Producer;
import io.qmq.adapters.netty.client.QmqClient;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Drives our own Java client. Each consumer instance is a client of its own, because the consumer id
 * on the wire is the client's id; the producer has one more.
 */
public final class QmqClientDriver implements ClientDriver {

    static final String APP_CODE = "acceptance";

    private final String metaServerUrl;
    private final QmqClient producerClient;
    private final Producer producer;
    private final List<QmqConsumerDriver> consumers = new CopyOnWriteArrayList<>();

    public QmqClientDriver(String metaServerUrl) {
        this.metaServerUrl = metaServerUrl;
        this.producerClient = QmqClient.builder().metaServer(metaServerUrl).appCode(APP_CODE)
                .clientId("acceptance-producer-" + UUID.randomUUID()).build();
        this.producer = producerClient.producer();
    }

    @Override
    public CompletableFuture<Void> send(OutgoingMessage outgoing) {
        io.qmq.adapters.netty.client.OutgoingMessage.Builder message =
                io.qmq.adapters.netty.client.OutgoingMessage.to(outgoing.subject())
                        .attributes(outgoing.properties())
                        .tags(outgoing.tags().toArray(String[]::new));
        if (outgoing.maxAttempts() > 0) {
            message.maxRetries(outgoing.maxAttempts());
        }
        if (outgoing.messageId() != null) {
            message.id(outgoing.messageId());
        }
        if (outgoing.deliverAt() != null) {
            message.deliverAt(outgoing.deliverAt());
        }
        return producer.send(message.build()).thenApply(receipt -> null);
    }

    @Override
    public ConsumerDriver subscribe(SubscriptionRequest request, DeliveryHandler handler) {
        QmqConsumerDriver consumer = QmqConsumerDriver.start(metaServerUrl, request, handler);
        consumers.add(consumer);
        return consumer;
    }

    @Override
    public void close() {
        consumers.forEach(QmqConsumerDriver::close);
        producerClient.close();
    }
}

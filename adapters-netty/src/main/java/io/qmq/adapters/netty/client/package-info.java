/**
 * A Java client for QMQ brokers that speaks the stock 1.1.43 client's protocol: discovery through the
 * meta server, batched asynchronous sends with retries, listener and pull consumers with contiguous
 * acks, and retries and dead letters driven by the consumer.
 *
 * <p>One {@link io.qmq.adapters.netty.client.QmqClient} per application:
 *
 * <pre>{@code
 * try (QmqClient client = QmqClient.builder()
 *         .metaServer("http://127.0.0.1:8080/meta/address")
 *         .appCode("billing")
 *         .build()) {
 *
 *     // publish: the future completes once a broker stored the message
 *     SendReceipt receipt = client.producer()
 *             .send(OutgoingMessage.to("order.created")
 *                     .tags("vip")
 *                     .attribute("orderId", "42")
 *                     .build())
 *             .get(10, TimeUnit.SECONDS);
 *
 *     // delayed: delivered about a minute from now, through a delay server
 *     client.producer().send(OutgoingMessage.to("order.reminder")
 *             .attribute("orderId", "42")
 *             .deliverAfter(Duration.ofMinutes(1))
 *             .build());
 *
 *     // consume with a listener: returning acks, throwing retries (then dead-letters after 32 tries)
 *     ListenerConsumer listener = client.consumer("order.created", "billing")
 *             .tagFilter(TagFilter.any("vip"))
 *             .threads(8)
 *             .listener(message -> charge(message.attribute("orderId").orElseThrow()))
 *             .start();
 *
 *     // or pull and settle each message yourself
 *     PullConsumer puller = client.pullConsumer("order.created", "audit");
 *     for (ReceivedMessage message : puller.pull(100, Duration.ofSeconds(5))) {
 *         if (audit(message)) {
 *             message.ack();
 *         } else {
 *             message.nack(Duration.ofSeconds(30));
 *         }
 *     }
 * } // close() flushes pending sends and acks
 * }</pre>
 *
 * <p>Messages have no payload besides their string attributes. Attributes named {@code qmq_*} are the
 * client's: {@code qmq_createTime}, {@code qmq_expireTime}, {@code qmq_appCode} on every message,
 * {@code qmq_scheduleReceiveTime} on delayed ones, {@code qmq_times} and {@code qmq_consumerGroupName}
 * on retry copies.
 *
 * <p>This package depends only on Netty, SLF4J, the domain and the shared codec; it never touches the
 * servers' code.
 */
package io.qmq.adapters.netty.client;

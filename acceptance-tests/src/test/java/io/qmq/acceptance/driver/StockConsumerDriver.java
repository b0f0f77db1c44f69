package io.qmq.acceptance.driver;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import qunar.tc.qmq.Message;
import qunar.tc.qmq.SubscribeParam;
import qunar.tc.qmq.TagType;
import qunar.tc.qmq.consumer.MessageConsumerProvider;

/**
 * One stock consumer instance. A failing handler's exception is rethrown to the client, which then
 * sends the message back to the retry subject (or to the dead-letter subject once its attempts are
 * used up). An instance that does not acknowledge switches auto-ack off and never acks.
 */
final class StockConsumerDriver implements ConsumerDriver {

    /** Acks still owed when the instance stops are flushed for this long, as an application's would. */
    private static final int DESTROY_WAIT_SECONDS = 1;

    private final MessageConsumerProvider provider;
    private final ExecutorService listenerThreads;
    private final AtomicBoolean closed = new AtomicBoolean();

    private StockConsumerDriver(MessageConsumerProvider provider, ExecutorService listenerThreads) {
        this.provider = provider;
        this.listenerThreads = listenerThreads;
    }

    static StockConsumerDriver start(String metaServerUrl, SubscriptionRequest request, DeliveryHandler handler) {
        MessageConsumerProvider provider = new MessageConsumerProvider();
        provider.setMetaServer(metaServerUrl);
        provider.setAppCode(StockClientDriver.APP_CODE);
        provider.setClientIdProvider(request::consumerId);
        provider.setDestroyWaitInSeconds(DESTROY_WAIT_SECONDS);
        provider.init();
        ExecutorService threads = Executors.newFixedThreadPool(request.threads());
        provider.addListener(request.subject(), request.group(),
                message -> onMessage(message, request.acknowledges(), handler), threads, paramsOf(request));
        return new StockConsumerDriver(provider, threads);
    }

    private static void onMessage(Message message, boolean acknowledges, DeliveryHandler handler) {
        if (!acknowledges) {
            message.autoAck(false);
        }
        try {
            handler.onMessage(toDelivery(message));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("listener failed on " + message.getMessageId(), e);
        }
    }

    private static SubscribeParam paramsOf(SubscriptionRequest request) {
        TagType tagType = switch (request.tagMode()) {
            case ANY -> TagType.NO_TAG;
            case OR -> TagType.OR;
            case AND -> TagType.AND;
        };
        return new SubscribeParam.SubscribeParamBuilder()
                .setTagType(tagType)
                .setTags(request.tags())
                .create();
    }

    // getAttrs() is deprecated but it is the stock API's only way to list a message's properties.
    @SuppressWarnings("deprecation")
    private static Delivery toDelivery(Message message) {
        Map<String, String> properties = new HashMap<>();
        message.getAttrs().forEach((name, value) -> properties.put(name, String.valueOf(value)));
        return new Delivery(message.getSubject(), message.getMessageId(), properties, message.getTags(),
                message.times());
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            provider.destroy();
            listenerThreads.shutdownNow();
        }
    }
}

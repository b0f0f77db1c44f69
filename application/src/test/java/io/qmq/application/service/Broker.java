package io.qmq.application.service;

import io.qmq.application.fixtures.InMemoryMessageLog;
import io.qmq.application.fixtures.InMemoryPullLog;
import io.qmq.application.port.in.AckCommand;
import io.qmq.application.port.in.PullCommand;
import io.qmq.application.port.in.PullResult;
import io.qmq.application.port.in.SendMessagesCommand;
import io.qmq.application.port.in.SendResult;
import io.qmq.application.port.out.BrokerMetrics;
import io.qmq.domain.consumer.Consumer;
import io.qmq.domain.consumer.ConsumerGroup;
import io.qmq.domain.consumer.ConsumerId;
import io.qmq.domain.consumer.SequenceRange;
import io.qmq.domain.consumer.Subscription;
import io.qmq.domain.consumer.TagFilter;
import io.qmq.domain.message.Message;
import io.qmq.domain.message.MessageFlags;
import io.qmq.domain.message.MessageId;
import io.qmq.domain.message.Subject;
import io.qmq.domain.message.Tags;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The broker's use cases over in-memory ports, with short-hands for the tests. */
final class Broker implements AutoCloseable {

    final InMemoryMessageLog log;
    final InMemoryPullLog pullLog = new InMemoryPullLog();
    final ConsumerLiveness liveness;
    final BrokerAvailability availability = new BrokerAvailability();
    final SendMessagesService send;
    final PullMessagesService pull;
    final AckMessagesService ack;
    final RedeliverSilentConsumersService silent;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    Broker(Clock clock, BrokerSettings settings) {
        log = new InMemoryMessageLog(clock);
        liveness = new ConsumerLiveness(clock);
        MessageArrivals arrivals = new MessageArrivals();
        SubscriptionLocks locks = new SubscriptionLocks();
        Redelivery redelivery = new Redelivery(log, pullLog, arrivals, BrokerMetrics.NONE);
        send = new SendMessagesService(log, arrivals, BrokerMetrics.NONE, settings, availability);
        pull = new PullMessagesService(log, pullLog, locks, arrivals, liveness, BrokerMetrics.NONE, settings, clock,
                Runnable::run, timer);
        ack = new AckMessagesService(pullLog, locks, redelivery, liveness, BrokerMetrics.NONE);
        silent = new RedeliverSilentConsumersService(pullLog, locks, redelivery, liveness, settings);
    }

    static Message message(String subject, String id, String... tags) {
        byte[] encoded = ("record of " + id).getBytes(StandardCharsets.UTF_8);
        return new Message(Subject.of(subject), MessageId.of(id), Tags.of(tags), MessageFlags.of(false, tags.length > 0),
                1L, 0L, encoded);
    }

    static Consumer consumer(String subject, String group, String id) {
        return new Consumer(new Subscription(Subject.of(subject), ConsumerGroup.of(group)), ConsumerId.of(id));
    }

    List<SendResult> send(Message... messages) {
        return send.send(new SendMessagesCommand(List.of(messages))).join();
    }

    PullResult pull(Consumer consumer, int max, long clientLastPulled) {
        return pull.pull(new PullCommand(consumer, max, clientLastPulled, Duration.ZERO, false, TagFilter.NONE)).join();
    }

    PullResult pull(Consumer consumer, int max, TagFilter filter) {
        return pull.pull(new PullCommand(consumer, max, -1, Duration.ZERO, false, filter)).join();
    }

    void ack(Consumer consumer, long first, long last) {
        ack.ack(new AckCommand(consumer, Optional.of(SequenceRange.of(first, last)), false));
    }

    static List<String> ids(PullResult result) {
        return result.messages().stream().map(m -> m.id().value()).toList();
    }

    @Override
    public void close() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(1, TimeUnit.SECONDS);
    }
}

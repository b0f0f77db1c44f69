package io.qmq.adapters.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import io.qmq.application.port.in.SendStatus;
import io.qmq.application.port.out.BrokerMetrics;
import io.qmq.domain.consumer.Subscription;
import io.qmq.domain.message.Subject;
import java.time.Duration;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The broker's counters, labelled by subject (and consumer group where a subscription is involved),
 * in the registry the {@code /metrics} endpoint serves. Prometheus counters are lock-free per label
 * set, so every method is cheap enough for the send and pull paths.
 */
@Singleton
final class PrometheusBrokerMetrics implements BrokerMetrics {

    static final String SUBJECT = "subject";
    static final String GROUP = "group";
    static final String STATUS = "status";
    /** Append latencies span page-cache writes (sub-millisecond) to fsyncs on a busy disk (seconds). */
    private static final double[] APPEND_LATENCY_BOUNDS = {
        0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};

    private final Counter messagesStored;
    private final Counter bytesStored;
    private final Counter messagesRefused;
    private final Counter pulls;
    private final Counter emptyPulls;
    private final Counter messagesPulled;
    private final Counter bytesPulled;
    private final Counter messagesAcked;
    private final Counter messagesRedelivered;
    private final Histogram appendLatency;
    private final Gauge messageLogBytes;
    private final Counter segmentsDeleted;
    private final Counter segmentBytesDeleted;
    private final Counter expiredSkipped;

    @Inject
    PrometheusBrokerMetrics(PrometheusRegistry registry) {
        messagesStored = counter(registry, "qmq_messages_stored", "Messages stored", SUBJECT);
        bytesStored = counter(registry, "qmq_message_bytes_stored", "Bytes of messages stored", SUBJECT);
        messagesRefused = counter(registry, "qmq_messages_refused", "Messages refused, by reason", SUBJECT, STATUS);
        pulls = counter(registry, "qmq_pulls", "Pulls served, empty ones included", SUBJECT, GROUP);
        emptyPulls = counter(registry, "qmq_empty_pulls", "Pulls that found no message", SUBJECT, GROUP);
        messagesPulled = counter(registry, "qmq_messages_pulled", "Messages handed to consumers", SUBJECT, GROUP);
        bytesPulled = counter(registry, "qmq_message_bytes_pulled", "Bytes of messages handed to consumers", SUBJECT, GROUP);
        messagesAcked = counter(registry, "qmq_messages_acked", "Pull sequences acknowledged", SUBJECT, GROUP);
        messagesRedelivered = counter(registry, "qmq_messages_redelivered",
                "Un-acknowledged messages re-published to the retry subject", SUBJECT, GROUP);
        appendLatency = Histogram.builder()
                .name("qmq_append_latency_seconds")
                .help("Time from handing a batch to the message log until it was stored")
                .unit(Unit.SECONDS)
                .classicOnly()
                .classicUpperBounds(APPEND_LATENCY_BOUNDS)
                .register(registry);
        messageLogBytes = Gauge.builder().name("qmq_message_log_bytes")
                .help("Bytes the message log's segment files hold (after the last retention sweep)").register(registry);
        segmentsDeleted = counter(registry, "qmq_message_log_segments_deleted", "Message-log segments deleted by retention");
        segmentBytesDeleted = counter(registry, "qmq_message_log_bytes_deleted", "Bytes of message-log segments deleted by retention");
        expiredSkipped = counter(registry, "qmq_expired_messages_skipped",
                "Messages a read skipped because retention deleted them before they were read", SUBJECT);
    }

    private static Counter counter(PrometheusRegistry registry, String name, String help, String... labels) {
        return Counter.builder().name(name).help(help).labelNames(labels).register(registry);
    }

    @Override
    public void messagesStored(Subject subject, int count, long bytes) {
        messagesStored.labelValues(subject.name()).inc(count);
        bytesStored.labelValues(subject.name()).inc(bytes);
    }

    @Override
    public void appendCompleted(Duration latency) {
        appendLatency.observe(latency.toNanos() / 1e9);
    }

    @Override
    public void messageRefused(Subject subject, SendStatus status) {
        messagesRefused.labelValues(subject.name(), status.name()).inc();
    }

    @Override
    public void pullServed(Subscription subscription, int messages, long bytes) {
        String subject = subscription.subject().name();
        String group = subscription.group().name();
        pulls.labelValues(subject, group).inc();
        if (messages == 0) {
            emptyPulls.labelValues(subject, group).inc();
            return;
        }
        messagesPulled.labelValues(subject, group).inc(messages);
        bytesPulled.labelValues(subject, group).inc(bytes);
    }

    @Override
    public void messagesAcked(Subscription subscription, long count) {
        messagesAcked.labelValues(subscription.subject().name(), subscription.group().name()).inc(count);
    }

    @Override
    public void messagesRedelivered(Subscription subscription, long count) {
        messagesRedelivered.labelValues(subscription.subject().name(), subscription.group().name()).inc(count);
    }

    @Override
    public void messageLogSwept(long bytesOnDisk, int segments, long bytes) {
        messageLogBytes.set(bytesOnDisk);
        segmentsDeleted.inc(segments);
        segmentBytesDeleted.inc(bytes);
    }

    @Override
    public void expiredMessagesSkipped(Subject subject, long count) {
        expiredSkipped.labelValues(subject.name()).inc(count);
    }
}

package io.qmq.application.service;

import io.qmq.application.port.out.BrokerMetrics;
import io.qmq.application.port.out.MessageLog;
import io.qmq.application.port.out.PullLog;
import io.qmq.domain.consumer.Consumer;
import io.qmq.domain.consumer.SequenceRange;
import io.qmq.domain.message.Message;
import io.qmq.domain.message.Subject;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives messages that one consumer holds but will never finish (its acks skipped them, or it went
 * silent) back to its group: copies them, byte for byte, to the group's retry subject, which every
 * consumer of the group pulls, and only then acknowledges them for the consumer. A crash between the
 * two delivers them twice, never zero times.
 */
public final class Redelivery {

    /** Keeps one append (and the memory it holds) bounded when a consumer held many messages. */
    private static final int CHUNK = 500;

    private final MessageLog log;
    private final PullLog pullLog;
    private final MessageArrivals arrivals;
    private final BrokerMetrics metrics;

    public Redelivery(MessageLog log, PullLog pullLog, MessageArrivals arrivals, BrokerMetrics metrics) {
        this.log = log;
        this.pullLog = pullLog;
        this.arrivals = arrivals;
        this.metrics = metrics;
    }

    /** The caller holds the consumer's subscription lock. Blocks until the copies are stored. */
    public void redeliver(Consumer consumer, SequenceRange pullSequences) {
        Subject subject = consumer.subscription().subject();
        Subject retry = subject.isRetry() ? subject : subject.real().retryFor(consumer.subscription().group().name());
        for (long first = pullSequences.first(); first <= pullSequences.last(); first += CHUNK) {
            SequenceRange chunk = SequenceRange.of(first, Math.min(pullSequences.last(), first + CHUNK - 1));
            List<Message> copies = copiesOf(consumer, chunk, retry);
            if (!copies.isEmpty()) {
                log.append(copies).join();
                arrivals.arrived(retry);
                metrics.messagesRedelivered(consumer.subscription(), copies.size());
            }
            pullLog.recordAck(consumer, chunk);
        }
    }

    private List<Message> copiesOf(Consumer consumer, SequenceRange range, Subject retry) {
        Subject subject = consumer.subscription().subject();
        List<Message> copies = new ArrayList<>();
        for (long sequence : pullLog.subjectSequences(consumer, range)) {
            MessageAtSequence.read(log, subject, sequence).ifPresent(m -> copies.add(m.fileUnder(retry)));
        }
        return copies;
    }
}

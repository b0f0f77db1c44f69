package io.qmq.application.service;

import io.qmq.application.port.in.PullCommand;
import io.qmq.application.port.in.PullResult;
import io.qmq.application.port.out.MessageLog;
import io.qmq.application.port.out.PullLog;
import io.qmq.domain.consumer.Consumer;
import io.qmq.domain.consumer.ConsumerProgress;
import io.qmq.domain.consumer.SequenceRange;
import io.qmq.domain.consumer.StartPosition;
import io.qmq.domain.consumer.Subscription;
import io.qmq.domain.message.Message;
import io.qmq.domain.message.StoredMessage;
import io.qmq.domain.message.Subject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Hands a consumer its next messages, once, without waiting: first what it was given before and
 * evidently lost (under the same pull sequences), else new messages from the group's cursor, skipping
 * those its filter rejects and holding back retries that are not yet due.
 */
final class Dispenser {

    private static final System.Logger LOG = System.getLogger(Dispenser.class.getName());

    /** Bounds the work of one pull when a filter rejects long runs of messages. */
    private static final int MAX_EXAMINED = 20_000;

    private final MessageLog log;
    private final PullLog pullLog;
    private final SubscriptionLocks locks;
    private final MessageArrivals arrivals;
    private final BrokerSettings settings;
    private final Clock clock;

    Dispenser(MessageLog log, PullLog pullLog, SubscriptionLocks locks, MessageArrivals arrivals,
              BrokerSettings settings, Clock clock) {
        this.log = log;
        this.pullLog = pullLog;
        this.locks = locks;
        this.arrivals = arrivals;
        this.settings = settings;
        this.clock = clock;
    }

    Dispensed dispense(PullCommand command) {
        Subscription subscription = command.consumer().subscription();
        long arrivalsSeen = arrivals.version(subscription.subject());
        return locks.withLock(subscription, () -> {
            ConsumerProgress progress = pullLog.progress(command.consumer());
            Optional<SequenceRange> lost = progress.lostDeliveries(command.clientLastPulled());
            if (lost.isPresent()) {
                PullResult again = serveAgain(command.consumer(), lost.get(), command.maxMessages());
                if (!again.isEmpty()) {
                    return new Dispensed(again, 0, arrivalsSeen);
                }
            }
            return serveNew(command, progress, arrivalsSeen);
        });
    }

    private PullResult serveAgain(Consumer consumer, SequenceRange lost, int maxMessages) {
        SequenceRange range = SequenceRange.of(lost.first(), Math.min(lost.last(), lost.first() + maxMessages - 1));
        Subject subject = consumer.subscription().subject();
        List<Message> messages = new ArrayList<>();
        long bytes = 0;
        for (long sequence : pullLog.subjectSequences(consumer, range)) {
            Optional<Message> message = MessageAtSequence.read(log, subject, sequence);
            if (message.isEmpty() || bytes >= settings.maxPullBytes()) {
                break;
            }
            messages.add(message.get());
            bytes += message.get().size();
        }
        if (messages.isEmpty()) {
            // nothing of it can be read any more: acknowledge it so it does not block the consumer's acks forever
            LOG.log(System.Logger.Level.WARNING, "pull sequences " + range + " of " + consumer + " are no longer readable; skipping them");
            pullLog.recordAck(consumer, range);
            return PullResult.EMPTY;
        }
        return new PullResult(range.first(), messages);
    }

    private Dispensed serveNew(PullCommand command, ConsumerProgress progress, long arrivalsSeen) {
        Subscription subscription = command.consumer().subscription();
        long cursor = pullLog.cursor(subscription).orElseGet(() -> pullLog.openCursor(subscription, startOf(subscription.subject())));
        Batch batch = new Batch(command, cursor);
        batch.fill();
        if (!batch.messages.isEmpty()) {
            long first = progress.nextPullSequence(command.clientLastPulled());
            pullLog.recordPull(command.consumer(), first, batch.sequences.stream().mapToLong(Long::longValue).toArray(), batch.next);
            return new Dispensed(new PullResult(first, batch.messages), batch.dueAt, arrivalsSeen);
        }
        if (batch.next > cursor) {
            pullLog.advanceCursor(subscription, batch.next);
        }
        return new Dispensed(PullResult.EMPTY, batch.dueAt, arrivalsSeen);
    }

    /** Retry and dead-letter subjects belong to one group, so it always reads them from the start. */
    private long startOf(Subject subject) {
        boolean groupOwned = subject.isRetry() || subject.isDeadLetter();
        return settings.newGroupStart() == StartPosition.LATEST && !groupOwned ? log.endSequence(subject) : 0;
    }

    /** Collects the messages of one pull from the cursor onwards. */
    private final class Batch {
        private final PullCommand command;
        private final Subject subject;
        private final long now = clock.millis();
        private final List<Message> messages = new ArrayList<>();
        private final List<Long> sequences = new ArrayList<>();
        private long next;
        private long bytes;
        private long dueAt;
        private int examined;

        Batch(PullCommand command, long cursor) {
            this.command = command;
            this.subject = command.consumer().subscription().subject();
            this.next = cursor;
        }

        void fill() {
            while (messages.size() < command.maxMessages() && examined < MAX_EXAMINED && bytes < settings.maxPullBytes()) {
                List<StoredMessage> read = log.read(subject, next, command.maxMessages() - messages.size(),
                        (int) (settings.maxPullBytes() - bytes));
                if (read.isEmpty() || !takeFrom(read)) {
                    return;
                }
            }
        }

        /** Takes what it may from one read; false when it must stop before the end of it. */
        private boolean takeFrom(List<StoredMessage> read) {
            for (StoredMessage stored : read) {
                long deliverableAt = subject.isRetry() ? stored.appendedAt() + settings.retryDelay().toMillis() : 0;
                if (deliverableAt > now) {
                    dueAt = deliverableAt;
                    return false;
                }
                next = stored.sequence() + 1;
                examined++;
                if (command.filter().accepts(stored.message().tags())) {
                    messages.add(stored.message());
                    sequences.add(stored.sequence());
                    bytes += stored.message().size();
                    if (bytes >= settings.maxPullBytes() || messages.size() >= command.maxMessages()) {
                        return false;
                    }
                }
            }
            return true;
        }
    }
}

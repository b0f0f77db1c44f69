package io.qmq.application.service;

import io.qmq.application.port.in.SendMessagesCommand;
import io.qmq.application.port.in.SendMessagesUseCase;
import io.qmq.application.port.in.SendResult;
import io.qmq.application.port.in.SendStatus;
import io.qmq.application.port.out.BrokerMetrics;
import io.qmq.application.port.out.MessageLog;
import io.qmq.domain.message.InvalidMessageException;
import io.qmq.domain.message.Message;
import io.qmq.domain.message.StoredMessage;
import io.qmq.domain.message.Subject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Stores producers' batches: checks each message, hands the acceptable ones to the message log in one
 * append (so they share one group commit), then wakes the pulls waiting on their subjects. A delayed
 * message that a delay server forwards again after a crash is answered as a duplicate.
 */
public final class SendMessagesService implements SendMessagesUseCase {

    private static final System.Logger LOG = System.getLogger(SendMessagesService.class.getName());

    private final MessageLog log;
    private final MessageArrivals arrivals;
    private final BrokerMetrics metrics;
    private final BrokerSettings settings;
    private final BrokerAvailability availability;
    private final ForwardedDuplicates duplicates;

    public SendMessagesService(MessageLog log, MessageArrivals arrivals, BrokerMetrics metrics, BrokerSettings settings,
                               BrokerAvailability availability) {
        this(log, arrivals, metrics, settings, availability, new ForwardedDuplicates());
    }

    /** With the window of recent forwards that {@link FindStoredMessagesService} consults too. */
    public SendMessagesService(MessageLog log, MessageArrivals arrivals, BrokerMetrics metrics, BrokerSettings settings,
                               BrokerAvailability availability, ForwardedDuplicates duplicates) {
        this.duplicates = duplicates;
        this.availability = availability;
        this.log = log;
        this.arrivals = arrivals;
        this.metrics = metrics;
        this.settings = settings;
    }

    @Override
    public CompletableFuture<List<SendResult>> send(SendMessagesCommand command) {
        SendBatch batch = new SendBatch(command.messages());
        boolean writable = availability.acceptsSends();
        for (int i = 0; i < batch.size(); i++) {
            if (!writable) {
                metrics.messageRefused(batch.message(i).subject(), SendStatus.READ_ONLY);
                batch.refuse(i, SendStatus.READ_ONLY, "broker group is read-only");
                continue;
            }
            try {
                settings.sizeLimit().check(batch.message(i));
                if (ForwardedDuplicates.applies(batch.message(i)) && duplicates.seen(batch.message(i))) {
                    batch.refuse(i, SendStatus.DUPLICATE, "already stored");
                    continue;
                }
                batch.accept(i);
            } catch (InvalidMessageException e) {
                metrics.messageRefused(batch.message(i).subject(), SendStatus.STORE_ERROR);
                batch.refuse(i, SendStatus.STORE_ERROR, e.getMessage());
            }
        }
        if (batch.noneAccepted()) {
            return CompletableFuture.completedFuture(batch.results());
        }
        List<Message> accepted = batch.accepted();
        long start = System.nanoTime();
        return log.append(accepted).handle((stored, failure) -> {
            metrics.appendCompleted(Duration.ofNanos(System.nanoTime() - start));
            if (failure == null) {
                accepted.stream().filter(ForwardedDuplicates::applies).forEach(duplicates::remember);
                announce(stored);
            } else {
                LOG.log(System.Logger.Level.WARNING, "append of " + accepted.size() + " messages failed", failure);
                accepted.forEach(m -> metrics.messageRefused(m.subject(), SendStatus.STORE_ERROR));
            }
            return batch.settle(failure);
        });
    }

    /** Counts the stored messages per subject and wakes each subject's waiting pulls once. */
    private void announce(List<StoredMessage> stored) {
        Map<Subject, long[]> perSubject = new LinkedHashMap<>();
        for (StoredMessage s : stored) {
            long[] countAndBytes = perSubject.computeIfAbsent(s.message().subject(), k -> new long[2]);
            countAndBytes[0]++;
            countAndBytes[1] += s.message().size();
        }
        perSubject.forEach((subject, countAndBytes) -> {
            metrics.messagesStored(subject, (int) countAndBytes[0], countAndBytes[1]);
            arrivals.arrived(subject);
        });
    }
}

package io.qmq.application.service;

import io.qmq.application.port.in.FindStoredMessagesCommand;
import io.qmq.application.port.in.FindStoredMessagesUseCase;
import io.qmq.application.port.out.MessageLog;
import io.qmq.domain.message.Message;
import io.qmq.domain.message.StoredMessage;
import io.qmq.domain.message.Subject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds which candidates this broker stores: first in the recent-forwards window kept in memory, then
 * by reading each subject's consume log backwards from its end until the messages were appended before
 * the candidates' forward began (less a margin for the two machines' clocks disagreeing).
 *
 * <p>The scan of one subject is bounded: past {@value #MAX_SCANNED} messages it stops with a warning,
 * and what it did not find counts as not stored. Forwarding such a message a second time is the lesser
 * harm; never forwarding it would lose it.
 */
public final class FindStoredMessagesService implements FindStoredMessagesUseCase {

    private static final System.Logger LOG = System.getLogger(FindStoredMessagesService.class.getName());
    /** How far the delay server's clock may run ahead of this broker's. */
    static final Duration CLOCK_SKEW_MARGIN = Duration.ofSeconds(10);
    static final int MAX_SCANNED = 200_000;
    private static final int CHUNK_MESSAGES = 256;
    private static final int CHUNK_BYTES = 4 << 20;

    private final MessageLog log;
    private final ForwardedDuplicates recentForwards;
    private final int maxScanned;

    public FindStoredMessagesService(MessageLog log, ForwardedDuplicates recentForwards) {
        this(log, recentForwards, MAX_SCANNED);
    }

    /** With another bound on the messages read per subject; for tests. */
    FindStoredMessagesService(MessageLog log, ForwardedDuplicates recentForwards, int maxScanned) {
        this.log = log;
        this.recentForwards = recentForwards;
        this.maxScanned = maxScanned;
    }

    @Override
    public List<Message> findStored(FindStoredMessagesCommand command) {
        List<Message> found = new ArrayList<>();
        Map<Subject, List<Message>> unseen = new LinkedHashMap<>();
        for (Message candidate : command.candidates()) {
            if (recentForwards.seen(candidate)) {
                found.add(candidate);
            } else {
                unseen.computeIfAbsent(candidate.subject(), s -> new ArrayList<>()).add(candidate);
            }
        }
        long stopBefore = command.since() - CLOCK_SKEW_MARGIN.toMillis();
        unseen.forEach((subject, candidates) -> found.addAll(scan(subject, candidates, stopBefore)));
        return found;
    }

    /** Reads the subject's log backwards, a chunk at a time, until every candidate is found or it is old enough. */
    private List<Message> scan(Subject subject, List<Message> candidates, long stopBefore) {
        List<Message> missing = new ArrayList<>(candidates);
        List<Message> found = new ArrayList<>();
        long end = log.endSequence(subject);
        int scanned = 0;
        while (end > 0 && !missing.isEmpty()) {
            long from = Math.max(0, end - CHUNK_MESSAGES);
            List<StoredMessage> chunk = readRange(subject, from, end);
            for (int i = chunk.size() - 1; i >= 0 && !missing.isEmpty(); i--) {
                StoredMessage stored = chunk.get(i);
                if (stored.appendedAt() < stopBefore) {
                    return found;
                }
                takeMatch(missing, stored.message(), found);
                if (++scanned >= maxScanned) {
                    LOG.log(System.Logger.Level.WARNING, "stopped looking for " + missing.size() + " forwarded messages of "
                            + subject + " after " + scanned + " messages; they count as not stored");
                    return found;
                }
            }
            if (chunk.isEmpty() || chunk.get(0).sequence() > from) {
                break; // the older messages are no longer kept
            }
            end = from;
        }
        return found;
    }

    /** The stored messages of {@code [from, to)} that are still kept, in sequence order. */
    private List<StoredMessage> readRange(Subject subject, long from, long to) {
        List<StoredMessage> range = new ArrayList<>();
        long next = from;
        while (next < to) {
            List<StoredMessage> read = log.read(subject, next, (int) (to - next), CHUNK_BYTES);
            for (StoredMessage stored : read) {
                if (stored.sequence() >= to) {
                    return range;
                }
                range.add(stored);
            }
            if (read.isEmpty()) {
                break;
            }
            next = read.get(read.size() - 1).sequence() + 1;
        }
        return range;
    }

    /** Moves every candidate that is this stored message (a producer may have scheduled one twice) to found. */
    private static void takeMatch(List<Message> missing, Message stored, List<Message> found) {
        missing.removeIf(candidate -> {
            boolean same = candidate.id().equals(stored.id()) && Arrays.equals(candidate.encoded(), stored.encoded());
            if (same) {
                found.add(candidate);
            }
            return same;
        });
    }
}

package io.qmq.application.service;

import io.qmq.domain.message.Message;
import io.qmq.domain.message.MessageId;
import io.qmq.domain.message.Subject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Recognises a delayed message that a delay server forwards a second time. A delay server that
 * crashes after a broker stored a forwarded message but before it recorded that, forwards it again
 * on restart; the broker answers that copy as a duplicate (which counts as success) instead of
 * storing it twice.
 *
 * <p>A message is the same when its subject, id and exact bytes are: a consumer's delayed retry keeps
 * the id but changes its attempt count and creation time, so it is never mistaken for a duplicate.
 * The window is bounded (the most recent {@value #CAPACITY} forwarded messages) and lives in memory,
 * so it covers a delay server's restart, not the broker's own ({@link FindStoredMessagesService} reads
 * the log for that). One instance per broker, shared by the services that send and find messages.
 */
public final class ForwardedDuplicates {

    static final int CAPACITY = 200_000;

    private record Key(Subject subject, MessageId id, long crc, int length) {
    }

    private final Map<Key, Boolean> recent = new LinkedHashMap<>(1024, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Boolean> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Only delayed messages come from delay servers; ordinary sends are never checked. */
    static boolean applies(Message message) {
        return message.flags().isDelayed();
    }

    synchronized boolean seen(Message message) {
        return recent.containsKey(keyOf(message));
    }

    synchronized void remember(Message message) {
        recent.put(keyOf(message), Boolean.TRUE);
    }

    private static Key keyOf(Message message) {
        CRC32 crc = new CRC32();
        crc.update(message.encoded());
        return new Key(message.subject(), message.id(), crc.getValue(), message.size());
    }
}

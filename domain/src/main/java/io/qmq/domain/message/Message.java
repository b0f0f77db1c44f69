package io.qmq.domain.message;

import java.util.Arrays;
import java.util.Objects;

/**
 * A message as the broker handles it: the facts it routes, filters and schedules by, parsed once at
 * the edge, plus the producer's encoded record kept byte for byte.
 *
 * <p>The broker never re-encodes what a producer sent: consumers receive exactly {@code encoded}. The
 * subject a message is filed under may differ from the one inside {@code encoded}; a copy moved to a
 * retry subject keeps its original bytes, and clients relabel it by the subject they pulled.
 *
 * <p>The message owns {@code encoded}: it is not copied (a copy per message would cost the broker a
 * memory pass on its hottest path), so whoever builds a message must not change the array afterwards.
 *
 * @param subject     where the message is filed
 * @param id          the producer's message id
 * @param tags        labels for server-side filtering
 * @param flags       the record's flag byte
 * @param createdAt   creation time, epoch milliseconds
 * @param scheduledAt due time of a delay message, epoch milliseconds; 0 for an ordinary message
 * @param encoded     the record as the producer encoded it (flag through attributes, no checksum)
 */
public record Message(Subject subject, MessageId id, Tags tags, MessageFlags flags,
                      long createdAt, long scheduledAt, byte[] encoded) {

    public Message {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(flags, "flags");
        Objects.requireNonNull(encoded, "encoded");
        if (encoded.length == 0) {
            throw new InvalidMessageException("message " + id + " has an empty record");
        }
    }

    /** A copy filed under another subject, keeping the producer's bytes. */
    public Message fileUnder(Subject other) {
        return new Message(other, id, tags, flags, createdAt, scheduledAt, encoded);
    }

    public boolean isScheduled() {
        return scheduledAt > 0;
    }

    public int size() {
        return encoded.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Message m && subject.equals(m.subject) && id.equals(m.id) && tags.equals(m.tags)
                && flags.equals(m.flags) && createdAt == m.createdAt && scheduledAt == m.scheduledAt
                && Arrays.equals(encoded, m.encoded);
    }

    @Override
    public int hashCode() {
        return Objects.hash(subject, id, createdAt) * 31 + Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return "Message[" + subject + "/" + id + ", " + encoded.length + " bytes]";
    }
}

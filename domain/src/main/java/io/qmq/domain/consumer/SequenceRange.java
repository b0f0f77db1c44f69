package io.qmq.domain.consumer;

import java.util.Optional;

/** An inclusive, non-empty range of pull or consume-log sequences. */
public record SequenceRange(long first, long last) {

    public SequenceRange {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("invalid sequence range [" + first + ", " + last + "]");
        }
    }

    public static SequenceRange of(long first, long last) {
        return new SequenceRange(first, last);
    }

    /** The range [first, last], or nothing when it would be empty. */
    public static Optional<SequenceRange> between(long first, long last) {
        return first <= last && first >= 0 ? Optional.of(new SequenceRange(first, last)) : Optional.empty();
    }

    public long count() {
        return last - first + 1;
    }

    public boolean contains(long sequence) {
        return sequence >= first && sequence <= last;
    }

    @Override
    public String toString() {
        return "[" + first + ", " + last + "]";
    }
}

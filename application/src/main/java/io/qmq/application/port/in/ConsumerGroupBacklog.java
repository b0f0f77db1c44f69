package io.qmq.application.port.in;

import java.util.List;
import java.util.OptionalLong;
import java.util.function.ToLongFunction;

/**
 * A consumer group's backlog on one subject across the cluster, as the broker groups holding the subject
 * last reported it. The sums cover the groups whose share is known; a group that never reported (or
 * whose incomplete report left the subscription out) counts as unknown, never as zero.
 *
 * @param shares one per broker group routed the subject or reporting a backlog of it, routed ones first
 */
public record ConsumerGroupBacklog(List<Share> shares) {

    public ConsumerGroupBacklog {
        shares = List.copyOf(shares);
    }

    public long undelivered() {
        return sum(Share::undelivered);
    }

    public long unacknowledged() {
        return sum(Share::unacknowledged);
    }

    public long retryUndelivered() {
        return sum(Share::retryUndelivered);
    }

    public long retryUnacknowledged() {
        return sum(Share::retryUnacknowledged);
    }

    /** Whether every broker group's share is known, so the sums are the whole backlog. */
    public boolean complete() {
        return shares.stream().allMatch(Share::known);
    }

    /** The age of the oldest report the sums rest on; empty when no share is known. */
    public OptionalLong oldestReportAgeMillis() {
        return shares.stream().filter(Share::known).mapToLong(Share::ageMillis).max();
    }

    private long sum(ToLongFunction<Share> count) {
        return shares.stream().filter(Share::known).mapToLong(count).sum();
    }

    /**
     * One broker group's part. When {@code known} is false the counts and times are zero and mean nothing.
     *
     * @param brokerGroup         the group's name
     * @param known               whether the group's latest report tells this subscription's backlog
     * @param reportedAt          when that report arrived, epoch milliseconds
     * @param ageMillis           how long ago that was, when the view was made
     * @param undelivered         messages of the subject stored there and not yet handed to the group
     * @param unacknowledged      messages handed out there and not yet acknowledged
     * @param retryUndelivered    the same for the group's retry subject
     * @param retryUnacknowledged the same for the group's retry subject
     */
    public record Share(String brokerGroup, boolean known, long reportedAt, long ageMillis, long undelivered,
                        long unacknowledged, long retryUndelivered, long retryUnacknowledged) {

        public static Share unknown(String brokerGroup) {
            return new Share(brokerGroup, false, 0, 0, 0, 0, 0, 0);
        }
    }
}

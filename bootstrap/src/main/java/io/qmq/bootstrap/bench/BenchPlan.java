package io.qmq.bootstrap.bench;

import java.time.Duration;
import java.util.Objects;

/**
 * What one benchmark run does. It stops at whichever bound comes first: {@code count} messages sent,
 * or {@code duration} elapsed; consumers then get {@code drainTimeout} to receive what was sent.
 *
 * @param metaServerUrl discovery URL of the node
 * @param subject       where messages go; fresh per run, so earlier runs' messages never count
 * @param group         the consumers' consumer group; reusing one across runs drains what it left behind
 * @param producers     producer clients, each with its own sending thread
 * @param consumers     consumer clients in one consumer group
 * @param messageBytes  size of each message's payload attribute
 * @param count         messages to send in all
 * @param duration      longest time to send for
 * @param maxInFlight   sends awaiting their answer at once, over all producers
 * @param rate          messages per second over all producers, on a fixed schedule; 0 sends as fast as possible
 * @param warmUp        the first part of the sending time, whose latencies are printed but left out of the summary
 * @param backlog       messages already waiting for the group, which consumers receive besides what is sent
 * @param drainTimeout  how long to wait for consumers after sending stops
 * @param label         free text printed with the results, such as the node's flush policy
 * @param delay         how far ahead each message is scheduled; {@link DelayWindow#NONE} sends realtime messages
 */
public record BenchPlan(String metaServerUrl, String subject, String group, int producers, int consumers,
                        int messageBytes, long count, Duration duration, int maxInFlight, double rate,
                        Duration warmUp, long backlog, Duration drainTimeout, String label, DelayWindow delay) {

    public BenchPlan {
        Objects.requireNonNull(metaServerUrl, "meta server URL");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(group, "consumer group");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(drainTimeout, "drain timeout");
        Objects.requireNonNull(warmUp, "warm-up");
        if (warmUp.isNegative()) {
            throw new IllegalArgumentException("benchmark warm-up must be 0 or more, got " + warmUp);
        }
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(delay, "delay window");
        if (producers < 1 || consumers < 0 || messageBytes < 1 || count < 1 || maxInFlight < 1) {
            throw new IllegalArgumentException("a benchmark needs producers >= 1, consumers >= 0, message size >= 1, "
                    + "count >= 1 and in-flight >= 1");
        }
        if (backlog < 0) {
            throw new IllegalArgumentException("benchmark backlog must be 0 or more, got " + backlog);
        }
        if (rate < 0) {
            throw new IllegalArgumentException("benchmark rate must be 0 (as fast as possible) or positive, got " + rate);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("benchmark duration must be positive, got " + duration);
        }
    }

    /** Messages the consumers should receive in all once sending is over. */
    public long expectedReceived(long sent) {
        return sent + backlog;
    }
}

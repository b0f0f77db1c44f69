package io.qmq.adapters.filestore.pull;

import io.qmq.domain.consumer.Consumer;
import io.qmq.domain.consumer.ConsumerProgress;
import io.qmq.domain.consumer.SequenceRange;
import io.qmq.domain.consumer.Subscription;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The pull log's state in memory, rebuilt from a snapshot plus the action log: each subscription's
 * cursor, and per consumer its progress and unacknowledged pulls. Every change is a pure function of
 * the action that describes it, so replaying actions rebuilds exactly this state.
 *
 * <p>Not thread-safe: the pull log changes and reads it under one lock.
 */
public final class ConsumptionState {

    private final Map<Subscription, Long> cursors = new HashMap<>();
    private final Map<Consumer, ConsumerPulls> consumers = new HashMap<>();

    /** A consumer's progress and its unacknowledged pulls (null once everything is acknowledged). */
    static final class ConsumerPulls {
        ConsumerProgress progress = ConsumerProgress.NEW;
        PullRuns unacked;
    }

    public OptionalLong cursor(Subscription subscription) {
        Long cursor = cursors.get(subscription);
        return cursor == null ? OptionalLong.empty() : OptionalLong.of(cursor);
    }

    /** Sets the cursor if the subscription has none or it lies behind; cursors never move back. */
    public void moveCursor(Subscription subscription, long cursor) {
        cursors.merge(subscription, cursor, Math::max);
    }

    public ConsumerProgress progress(Consumer consumer) {
        ConsumerPulls pulls = consumers.get(consumer);
        return pulls == null ? ConsumerProgress.NEW : pulls.progress;
    }

    public void pull(Consumer consumer, long firstPullSequence, long[] subjectSequences, long cursorAfter) {
        ConsumerPulls pulls = consumers.computeIfAbsent(consumer, c -> new ConsumerPulls());
        if (subjectSequences.length > 0) {
            if (pulls.unacked == null) {
                pulls.unacked = new PullRuns();
            }
            pulls.unacked.append(firstPullSequence, subjectSequences);
            pulls.unacked.forgetThrough(pulls.progress.acked());
            pulls.progress = pulls.progress.afterPull(firstPullSequence + subjectSequences.length - 1);
        }
        moveCursor(consumer.subscription(), cursorAfter);
    }

    public void ack(Consumer consumer, SequenceRange pullSequences) {
        ConsumerPulls pulls = consumers.computeIfAbsent(consumer, c -> new ConsumerPulls());
        pulls.progress = pulls.progress.acknowledge(pullSequences).progress();
        if (pulls.unacked != null) {
            pulls.unacked.forgetThrough(pulls.progress.acked());
            if (pulls.unacked.isEmpty()) {
                pulls.unacked = null;
            }
        }
    }

    public long[] subjectSequences(Consumer consumer, SequenceRange pullSequences) {
        int count = Math.toIntExact(pullSequences.count());
        ConsumerPulls pulls = consumers.get(consumer);
        if (pulls == null || pulls.unacked == null) {
            return new PullRuns().lookup(pullSequences.first(), count);
        }
        return pulls.unacked.lookup(pullSequences.first(), count);
    }

    public List<Consumer> consumers() {
        return List.copyOf(consumers.keySet());
    }

    public List<Subscription> subscriptions() {
        return List.copyOf(cursors.keySet());
    }

    Map<Subscription, Long> cursors() {
        return cursors;
    }

    Map<Consumer, ConsumerPulls> consumerPulls() {
        return consumers;
    }
}

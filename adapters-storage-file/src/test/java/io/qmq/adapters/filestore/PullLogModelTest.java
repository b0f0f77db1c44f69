package io.qmq.adapters.filestore;

import static org.assertj.core.api.Assertions.assertThat;

import io.qmq.application.fixtures.InMemoryPullLog;
import io.qmq.domain.consumer.Consumer;
import io.qmq.domain.consumer.ConsumerGroup;
import io.qmq.domain.consumer.ConsumerId;
import io.qmq.domain.consumer.ConsumerProgress;
import io.qmq.domain.consumer.SequenceRange;
import io.qmq.domain.consumer.Subscription;
import io.qmq.domain.message.Subject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random pulls, acks (duplicate, overlapping, with gaps, beyond what was pulled), cursor moves and
 * reopens against the in-memory pull log as the model. Seeded and bounded.
 */
class PullLogModelTest {

    private static final int OPERATIONS = 1500;

    @TempDir
    Path dataDir;

    private final InMemoryPullLog model = new InMemoryPullLog();
    private FilePullLog log;

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void behavesLikeTheModel(long seed) {
        Random random = new Random(seed);
        List<Consumer> consumers = consumers();
        log = open();
        try {
            for (int operation = 0; operation < OPERATIONS; operation++) {
                Consumer consumer = consumers.get(random.nextInt(consumers.size()));
                int dice = random.nextInt(100);
                if (dice < 45) {
                    pull(random, consumer);
                } else if (dice < 75) {
                    ack(random, consumer);
                } else if (dice < 85) {
                    long cursor = random.nextInt(400);
                    log.advanceCursor(consumer.subscription(), cursor);
                    model.advanceCursor(consumer.subscription(), cursor);
                } else if (dice < 97) {
                    compare(random, consumer);
                } else {
                    log.close();
                    log = open();
                }
            }
            for (Consumer consumer : consumers) {
                compare(random, consumer);
            }
            assertThat(log.consumers()).containsExactlyInAnyOrderElementsOf(model.consumers());
            assertThat(log.subscriptions()).containsExactlyInAnyOrderElementsOf(model.subscriptions());
        } finally {
            log.close();
        }
    }

    private FilePullLog open() {
        return FilePullLog.open(FileStoreConfig.defaults(dataDir).withSegmentBytes(16 * 1024));
    }

    private static List<Consumer> consumers() {
        List<Consumer> consumers = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            Subscription subscription = new Subscription(Subject.of("subject-" + UUID.randomUUID()), ConsumerGroup.of("group-" + s));
            for (int c = 0; c < 3; c++) {
                consumers.add(new Consumer(subscription, ConsumerId.of("consumer-" + c)));
            }
        }
        return consumers;
    }

    private void pull(Random random, Consumer consumer) {
        ConsumerProgress progress = model.progress(consumer);
        long first = progress.nextPullSequence(progress.pulled() + (random.nextInt(10) == 0 ? 2 : 0));
        long cursor = model.cursor(consumer.subscription()).orElse(0);
        long[] sequences = new long[random.nextInt(8) + 1];
        for (int i = 0; i < sequences.length; i++) {
            cursor += random.nextInt(4) == 0 ? 2 : 1;
            sequences[i] = cursor - 1;
        }
        log.recordPull(consumer, first, sequences, cursor);
        model.recordPull(consumer, first, sequences, cursor);
    }

    private void ack(Random random, Consumer consumer) {
        ConsumerProgress progress = model.progress(consumer);
        long first = Math.max(0, progress.acked() + 1 + random.nextInt(5) - 2);
        SequenceRange range = SequenceRange.of(first, first + random.nextInt(6));
        log.recordAck(consumer, range);
        model.recordAck(consumer, range);
    }

    private void compare(Random random, Consumer consumer) {
        assertThat(log.progress(consumer)).isEqualTo(model.progress(consumer));
        assertThat(log.cursor(consumer.subscription())).isEqualTo(model.cursor(consumer.subscription()));
        ConsumerProgress progress = model.progress(consumer);
        long from = Math.max(0, progress.acked() - random.nextInt(3));
        SequenceRange range = SequenceRange.of(from, Math.max(from, progress.pulled() + 2));
        assertThat(log.subjectSequences(consumer, range)).containsExactly(model.subjectSequences(consumer, range));
    }
}

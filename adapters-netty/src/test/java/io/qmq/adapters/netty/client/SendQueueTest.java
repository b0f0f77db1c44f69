package io.qmq.adapters.netty.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qmq.domain.cluster.ClientType;
import io.qmq.domain.message.Subject;
import io.qmq.domain.message.Tags;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SendQueueTest {

    @Test
    void aFullQueueRefusesAtOnceWithoutATimeout() {
        SendQueue queue = new SendQueue(2, Duration.ZERO, 30);
        queue.offer(send("a", 1, ClientType.PRODUCER));
        queue.offer(send("a", 2, ClientType.PRODUCER));

        assertThatThrownBy(() -> queue.offer(send("a", 3, ClientType.PRODUCER)))
                .isInstanceOf(ProducerQueueFullException.class)
                .hasMessageContaining("2 messages")
                .hasMessageContaining("m3");
        assertThat(queue.size()).isEqualTo(2);
    }

    @Test
    void aFullQueueWaitsForRoomUpToTheEnqueueTimeout() {
        SendQueue queue = new SendQueue(1, Duration.ofMillis(150), 30);
        queue.offer(send("a", 1, ClientType.PRODUCER));

        long start = System.nanoTime();
        assertThatThrownBy(() -> queue.offer(send("a", 2, ClientType.PRODUCER))).isInstanceOf(ProducerQueueFullException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(140));
    }

    @Test
    void batchesHoldOneSubjectAndRouteTypeAndAtMostTheBatchSize() throws InterruptedException {
        SendQueue queue = new SendQueue(100, Duration.ZERO, 3);
        for (int i = 0; i < 5; i++) {
            queue.offer(send("a", i, ClientType.PRODUCER));
        }
        queue.offer(send("b", 10, ClientType.PRODUCER));
        queue.offer(send("a", 11, ClientType.DELAY_PRODUCER));

        List<List<PendingSend>> batches = queue.takeBatches(Duration.ofMillis(10));

        assertThat(batches).extracting(b -> b.stream().map(s -> s.record().id()).toList())
                .containsExactly(List.of("m0", "m1", "m2"), List.of("m3", "m4"), List.of("m10"), List.of("m11"));
        assertThat(queue.size()).isZero();
    }

    @Test
    void anEmptyQueueGivesNoBatchAfterTheWait() throws InterruptedException {
        assertThat(new SendQueue(1, Duration.ZERO, 1).takeBatches(Duration.ofMillis(5))).isEmpty();
    }

    @Test
    void aTakeDrainsAtMostAFewBatchesSoOtherSendersGetWork() throws InterruptedException {
        SendQueue queue = new SendQueue(100, Duration.ZERO, 2);
        for (int i = 0; i < 20; i++) {
            queue.offer(send("a", i, ClientType.PRODUCER));
        }

        assertThat(queue.takeBatches(Duration.ZERO)).hasSize(4);
        assertThat(queue.size()).isEqualTo(12);
    }

    static PendingSend send(String subject, int n, ClientType type) {
        OutboundRecord record = new OutboundRecord(Subject.of(subject), "m" + n, Tags.NONE, Map.of(), 1, 0);
        return new PendingSend(record, type, new CompletableFuture<>());
    }
}

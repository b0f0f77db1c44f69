package io.qmq.adapters.netty.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.qmq.adapters.netty.codec.MessageRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Flow control, liveness and shutdown of the client against the in-memory broker on loopback. */
class LoopbackConsumerFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private FakeBroker broker;
    private FakeMetaServer meta;
    private QmqClient client;

    @BeforeEach
    void start() throws Exception {
        broker = new FakeBroker();
        meta = new FakeMetaServer().routeAllTo(broker.address());
        client = QmqClient.builder().metaServer(meta.url()).clientId("client-2")
                .shutdownTimeout(Duration.ofSeconds(3)).build();
    }

    @AfterEach
    void stop() {
        client.close();
        broker.close();
        meta.close();
    }

    @Test
    void anIdleConsumerSendsHeartbeatAcksOnEveryStream() {
        client.consumer("orders", "billing").ackInterval(Duration.ofMillis(100)).listener(m -> { }).start();

        await().atMost(WAIT).untilAsserted(() -> assertThat(broker.acks())
                .filteredOn(a -> a.isHeartbeat() && a.group().equals("billing"))
                .extracting(a -> a.subject()).contains("orders", "%RETRY%orders%billing"));
    }

    @Test
    void pullingPausesWhileTooManyMessagesAreUnacked() throws Exception {
        int limit = ConsumerSettings.DEFAULT_UNACKED_LIMIT + ConsumerSettings.DEFAULT_PULL_BATCH_SIZE;
        sendAll(limit + 200);
        CountDownLatch release = new CountDownLatch(1);

        client.consumer("orders", "billing").threads(1).listener(m -> awaitQuietly(release)).start();

        await().atMost(WAIT).until(() -> broker.served("orders", "billing") >= ConsumerSettings.DEFAULT_UNACKED_LIMIT);
        Thread.sleep(500);
        assertThat(broker.served("orders", "billing")).isLessThanOrEqualTo(limit);

        release.countDown();
        await().atMost(WAIT).until(() -> broker.ackedUpTo("orders", "billing") == limit + 199);
    }

    @Test
    void anErrorFromTheListenerFailsOnlyItsOwnMessageAndTheSliceGoesOn() throws Exception {
        sendAll("p", 300);

        // One thread: each pull answer is one slice, so p7 fails in the middle of it.
        client.consumer("orders", "billing").threads(1).listener(m -> {
            if (m.messageId().equals("p7") && m.times() == 1) {
                throw new AssertionError("listener bug on " + m.messageId());
            }
        }).start();

        await().atMost(WAIT).until(() -> broker.ackedUpTo("orders", "billing") == 299);
        assertThat(broker.messages("%RETRY%orders%billing")).extracting(MessageRecord::messageId).containsExactly("p7");
        await().atMost(WAIT).until(() -> broker.ackedUpTo("%RETRY%orders%billing", "billing") == 0);

        sendAll("q", 100);
        await().atMost(WAIT).until(() -> broker.ackedUpTo("orders", "billing") == 399);
    }

    @Test
    void aFatalVmErrorReachesTheExecutorThreadOnlyAfterTheSliceIsSettled() throws Exception {
        sendAll(50);
        List<Throwable> uncaught = new CopyOnWriteArrayList<>();
        ExecutorService listenerThreads = Executors.newFixedThreadPool(1, r -> {
            Thread thread = new Thread(r, "listener");
            thread.setUncaughtExceptionHandler((t, e) -> uncaught.add(e));
            return thread;
        });
        try {
            client.consumer("orders", "billing").executor(listenerThreads).listener(m -> {
                if (m.messageId().equals("p3") && m.times() == 1) {
                    throw new OutOfMemoryError("simulated");
                }
            }).start();

            await().atMost(WAIT).until(() -> broker.ackedUpTo("orders", "billing") == 49);
            assertThat(broker.messages("%RETRY%orders%billing")).extracting(MessageRecord::messageId).containsExactly("p3");
            await().atMost(WAIT).untilAsserted(() -> assertThat(uncaught)
                    .singleElement(InstanceOfAssertFactories.THROWABLE).isInstanceOf(OutOfMemoryError.class).hasMessage("simulated"));
        } finally {
            listenerThreads.shutdownNow();
        }
    }

    @Test
    void anOfflineConsumerDoesNotPull() throws Exception {
        meta.takeConsumersOffline();
        sendAll(1);

        client.consumer("orders", "billing").listener(m -> { }).start();

        Thread.sleep(700);
        assertThat(broker.pulls()).filteredOn(p -> p.group().equals("billing")).isEmpty();
    }

    @Test
    void closeFlushesQueuedSends() {
        List<CompletableFuture<SendReceipt>> sends = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            sends.add(client.producer().send(OutgoingMessage.to("orders").id("q" + i).build()));
        }

        client.close();

        assertThat(sends).allSatisfy(f -> assertThat(f).isCompleted());
        assertThat(broker.messages("orders")).hasSize(100);
    }

    @Test
    void closeFlushesFinishedRangesThatWereNotDueYet() throws Exception {
        sendAll(10);
        PullConsumer puller = client.pullConsumer("orders", "audit");
        List<ReceivedMessage> got = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (got.size() < 10 && System.nanoTime() < deadline) {
            got.addAll(puller.pull(10, Duration.ofSeconds(1)));
        }
        got.stream().filter(m -> m.pullOffset() < 5).forEach(ReceivedMessage::ack);
        Thread.sleep(200);
        assertThat(broker.ackedUpTo("orders", "audit")).as("5 of 10 finished is no ack yet").isEqualTo(-1);

        client.close();

        assertThat(broker.ackedUpTo("orders", "audit")).isEqualTo(4);
    }

    private void sendAll(int count) throws Exception {
        sendAll("p", count);
    }

    private void sendAll(String idPrefix, int count) throws Exception {
        List<CompletableFuture<SendReceipt>> sends = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sends.add(client.producer().send(OutgoingMessage.to("orders").id(idPrefix + i).build()));
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

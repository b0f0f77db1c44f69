package io.qmq.adapters.netty.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.qmq.adapters.netty.codec.MessageRecord;
import io.qmq.domain.message.MessageFlags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Delayed retries and route changes, against in-memory brokers on loopback. */
class LoopbackRoutingTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final List<AutoCloseable> resources = new ArrayList<>();
    private FakeBroker broker;
    private FakeMetaServer meta;

    @BeforeEach
    void start() throws Exception {
        broker = open(new FakeBroker());
        meta = open(new FakeMetaServer());
        meta.route(1, broker.address()).route(2, broker.address());
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    @Test
    void aDelayedNackSendsTheRetryCopyThroughADelayServer() throws Exception {
        FakeBroker delayServer = open(new FakeBroker());
        meta.route(4, delayServer.address());
        QmqClient client = open(client(Duration.ofSeconds(2), Duration.ofSeconds(60)));
        ReceivedMessage message = sendAndPull(client, "late");

        message.nack(Duration.ofSeconds(30));

        await().atMost(WAIT).until(() -> delayServer.messages("%RETRY%orders%audit").size() == 1);
        MessageRecord copy = delayServer.messages("%RETRY%orders%audit").get(0);
        assertThat(copy.flag() & MessageFlags.DELAY).isNotZero();
        assertThat(copy.attributes()).containsEntry("qmq_times", "2").containsKey("qmq_scheduleReceiveTime");
        await().atMost(WAIT).until(() -> broker.ackedUpTo("orders", "audit") == 0);
    }

    @Test
    void withoutDelayServersADelayedNackFallsBackToAnImmediateRetry() throws Exception {
        QmqClient client = open(client(Duration.ofMillis(300), Duration.ofSeconds(60)));
        ReceivedMessage message = sendAndPull(client, "soon");

        message.nack(Duration.ofSeconds(30));

        await().atMost(WAIT).until(() -> broker.messages("%RETRY%orders%audit").size() == 1);
        MessageRecord copy = broker.messages("%RETRY%orders%audit").get(0);
        assertThat(copy.flag() & MessageFlags.DELAY).isZero();
        assertThat(copy.attributes()).doesNotContainKey("qmq_scheduleReceiveTime");
        await().atMost(WAIT).until(() -> broker.ackedUpTo("orders", "audit") == 0);
    }

    @Test
    void periodicRefreshFollowsANewMasterAddress() throws Exception {
        QmqClient client = open(client(Duration.ofSeconds(2), Duration.ofMillis(200)));
        List<String> seen = new CopyOnWriteArrayList<>();
        client.consumer("orders", "billing").listener(m -> seen.add(m.messageId())).start();
        client.producer().send(OutgoingMessage.to("orders").id("before").build()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> seen.contains("before"));

        FakeBroker newMaster = open(new FakeBroker());
        meta.route(1, newMaster.address()).route(2, newMaster.address());
        await().atMost(WAIT).until(() -> newMaster.pulls().size() > 0);
        client.producer().send(OutgoingMessage.to("orders").id("after").build()).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> seen.contains("after"));
        assertThat(newMaster.messages("orders")).extracting(MessageRecord::messageId).containsExactly("after");
        assertThat(meta.registrations()).anySatisfy(r -> assertThat(r).containsEntry("requestType", "2"));
    }

    private ReceivedMessage sendAndPull(QmqClient client, String id) throws Exception {
        client.producer().send(OutgoingMessage.to("orders").id(id).build()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        PullConsumer puller = client.pullConsumer("orders", "audit");
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<ReceivedMessage> got = List.of();
        while (got.isEmpty() && System.nanoTime() < deadline) {
            got = puller.pull(1, Duration.ofSeconds(1));
        }
        assertThat(got).hasSize(1);
        return got.get(0);
    }

    private QmqClient client(Duration sendTimeout, Duration refresh) {
        return QmqClient.builder().metaServer(meta.url()).clientId("client-3").sendTimeout(sendTimeout)
                .routeRefreshInterval(refresh).shutdownTimeout(Duration.ofSeconds(2)).build();
    }

    private <T extends AutoCloseable> T open(T resource) {
        resources.add(resource);
        return resource;
    }
}

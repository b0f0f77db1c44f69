package io.qmq.adapters.netty.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.qmq.adapters.netty.codec.MessageRecord;
import io.qmq.adapters.netty.codec.SendResponseBody;
import io.qmq.domain.consumer.TagFilter;
import io.qmq.domain.message.MessageFlags;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client end to end against an in-memory broker and meta server on loopback. */
class LoopbackClientTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private FakeBroker broker;
    private FakeMetaServer meta;
    private QmqClient client;

    @BeforeEach
    void start() throws Exception {
        broker = new FakeBroker();
        meta = new FakeMetaServer().routeAllTo(broker.address());
        client = QmqClient.builder().metaServer(meta.url()).appCode("shop").clientId("client-1")
                .sendTimeout(Duration.ofSeconds(2)).shutdownTimeout(Duration.ofSeconds(2)).build();
    }

    @AfterEach
    void stop() {
        client.close();
        broker.close();
        meta.close();
    }

    @Test
    void sentMessagesReachTheListenerAndAreAcked() throws Exception {
        for (int i = 0; i < 3; i++) {
            SendReceipt receipt = send(OutgoingMessage.to("orders").id("m" + i).tags("vip").attribute("n", "" + i).build());
            assertThat(receipt.brokerGroup()).isEqualTo("fake-0");
        }
        List<ReceivedMessage> received = new CopyOnWriteArrayList<>();

        client.consumer("orders", "billing").tagFilter(TagFilter.any("vip")).listener(received::add).start();

        await().atMost(WAIT).until(() -> broker.ackedUpTo("orders", "billing") == 2);
        assertThat(received).extracting(ReceivedMessage::messageId).containsExactlyInAnyOrder("m0", "m1", "m2");
        assertThat(received.get(0).subject().name()).isEqualTo("orders");
        assertThat(received.get(0).attributes()).containsEntry("qmq_appCode", "shop").containsKey("qmq_createTime");
        assertThat(broker.pulls()).anySatisfy(p -> assertThat(p.subject()).isEqualTo("%RETRY%orders%billing"));
        assertThat(broker.pulls()).allSatisfy(p -> assertThat(p.consumerId()).isEqualTo("client-1"));
        assertThat(meta.registrations()).anySatisfy(r -> assertThat(r)
                .containsEntry("clientTypeCode", "2").containsEntry("consumerGroup", "billing")
                .containsEntry("requestType", "1").containsEntry("appCode", "shop"));
    }

    @Test
    void aFailingListenerRetriesThroughTheRetrySubjectThenDeadLetters() throws Exception {
        send(OutgoingMessage.to("orders").id("bad").attribute("k", "v").build());
        List<Integer> attempts = new CopyOnWriteArrayList<>();

        client.consumer("orders", "billing").maxRetries(2).listener(message -> {
            attempts.add(message.times());
            throw new IllegalStateException("cannot process " + message.messageId());
        }).start();

        await().atMost(WAIT).until(() -> broker.messages("%DEAD_RETRY%orders%billing").size() == 1);
        MessageRecord retry = broker.messages("%RETRY%orders%billing").get(0);
        MessageRecord dead = broker.messages("%DEAD_RETRY%orders%billing").get(0);
        assertThat(retry.messageId()).isEqualTo("bad");
        assertThat(retry.attributes()).containsEntry("qmq_times", "2").containsEntry("qmq_consumerGroupName", "billing");
        assertThat(dead.messageId()).isEqualTo("bad");
        assertThat(dead.attributes()).containsEntry("qmq_times", "3").containsEntry("k", "v");
        await().atMost(WAIT).until(() -> broker.ackedUpTo("orders", "billing") == 0
                && broker.ackedUpTo("%RETRY%orders%billing", "billing") == 0);
        assertThat(attempts).containsExactly(1, 2);
    }

    @Test
    void pullConsumerAcksAndNacksAndGetsTheRetryBack() throws Exception {
        send(OutgoingMessage.to("orders").id("a").build());
        send(OutgoingMessage.to("orders").id("b").build());
        PullConsumer puller = client.pullConsumer("orders", "audit");

        List<ReceivedMessage> first = pullAtLeast(puller, 2);
        first.stream().filter(m -> m.messageId().equals("a")).forEach(ReceivedMessage::ack);
        first.stream().filter(m -> m.messageId().equals("b")).forEach(ReceivedMessage::nack);

        await().atMost(WAIT).until(() -> broker.ackedUpTo("orders", "audit") == 1);
        List<ReceivedMessage> again = pullAtLeast(puller, 1);
        assertThat(again).singleElement().satisfies(m -> {
            assertThat(m.messageId()).isEqualTo("b");
            assertThat(m.times()).isEqualTo(2);
            assertThat(m.subject().name()).isEqualTo("orders");
        });
        assertThat(broker.pulls()).filteredOn(p -> p.group().equals("audit")).allSatisfy(p -> assertThat(p.filters()).isEmpty());
    }

    @Test
    void storeErrorsAreRetriedWithTheSameIdAndBusyFailsAtOnce() throws Exception {
        broker.failNextMessages(SendResponseBody.STORE_ERROR);
        SendReceipt receipt = send(OutgoingMessage.to("orders").id("x").build());
        assertThat(receipt.attempts()).isEqualTo(2);
        assertThat(broker.sentIds()).containsExactly("x", "x");

        broker.failNextMessages(SendResponseBody.BUSY);
        assertThatThrownBy(() -> send(OutgoingMessage.to("orders").id("y").build()))
                .hasCauseInstanceOf(SendFailedException.class).hasMessageContaining("code 1");
        assertThat(broker.sentIds()).containsExactly("x", "x", "y");
    }

    @Test
    void aRejectingGroupIsAvoidedAndTheRouteRefreshed() throws Exception {
        try (FakeBroker second = new FakeBroker()) {
            meta.routeAllTo(broker.address(), second.address());
            broker.rejectNextSends(100);
            second.rejectNextSends(0);

            for (int i = 0; i < 4; i++) {
                assertThat(send(OutgoingMessage.to("orders").id("r" + i).build()).brokerGroup()).isEqualTo("fake-1");
            }
            assertThat(second.messages("orders")).hasSize(4);
            assertThat(meta.registrations()).filteredOn(r -> r.get("clientTypeCode").equals("1")).hasSizeGreaterThan(1);
        }
    }

    @Test
    void delayedMessagesGoToTheDelayRouteWithTheDelayFlag() throws Exception {
        try (FakeBroker delayServer = new FakeBroker()) {
            meta.route(4, delayServer.address());

            SendReceipt receipt = send(OutgoingMessage.to("orders").id("later").deliverAfter(Duration.ofMinutes(5)).build());

            assertThat(receipt.brokerGroup()).isEqualTo("delay-0");
            MessageRecord record = delayServer.messages("orders").get(0);
            assertThat(record.flag() & MessageFlags.DELAY).isNotZero();
            assertThat(record.time2()).isEqualTo(Long.parseLong(record.attributes().get("qmq_scheduleReceiveTime")));
            assertThat(broker.messages("orders")).isEmpty();
        }
    }

    @Test
    void copiesForAnotherGroupAreAckedWithoutDelivery() throws Exception {
        broker.put(new MessageRecord((byte) 0, 1, 1, "orders", "theirs", List.of(),
                Map.of("qmq_createTime", "1", "qmq_consumerGroupName", "shipping")));
        send(OutgoingMessage.to("orders").id("ours").build());
        List<String> seen = new CopyOnWriteArrayList<>();

        client.consumer("orders", "billing").listener(m -> seen.add(m.messageId())).start();

        await().atMost(WAIT).until(() -> broker.ackedUpTo("orders", "billing") == 1);
        assertThat(seen).containsExactly("ours");
    }

    @Test
    void atMostOnceAcksOnReceiptAndNeverRetries() throws Exception {
        send(OutgoingMessage.to("orders").id("once").build());
        List<String> seen = new CopyOnWriteArrayList<>();

        client.consumer("orders", "billing").consumeAtMostOnce(true).listener(m -> {
            seen.add(m.messageId());
            throw new IllegalStateException("ignored");
        }).start();

        await().atMost(WAIT).until(() -> broker.ackedUpTo("orders", "billing") == 0);
        assertThat(seen).containsExactly("once");
        assertThat(broker.messages("%RETRY%orders%billing")).isEmpty();
    }

    private SendReceipt send(OutgoingMessage message) throws Exception {
        return client.producer().send(message).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private static List<ReceivedMessage> pullAtLeast(PullConsumer puller, int count) throws InterruptedException {
        List<ReceivedMessage> got = new CopyOnWriteArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (got.size() < count && System.nanoTime() < deadline) {
            got.addAll(puller.pull(10, Duration.ofSeconds(1)));
        }
        return got;
    }
}

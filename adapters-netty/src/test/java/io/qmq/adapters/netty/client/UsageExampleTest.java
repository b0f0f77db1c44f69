package io.qmq.adapters.netty.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.qmq.domain.consumer.TagFilter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the example of the package documentation (which the README quotes) against the fakes. */
class UsageExampleTest {

    private final List<String> charged = new CopyOnWriteArrayList<>();

    @Test
    void thePackageExampleWorks() throws Exception {
        try (FakeBroker broker = new FakeBroker(); FakeMetaServer meta = new FakeMetaServer()) {
            meta.routeAllTo(broker.address());
            String metaServerUrl = meta.url();

            // --- as in package-info.java, with the URL of the fake meta server ---
            try (QmqClient client = QmqClient.builder()
                    .metaServer(metaServerUrl)
                    .appCode("billing")
                    .build()) {

                SendReceipt receipt = client.producer()
                        .send(OutgoingMessage.to("order.created")
                                .tags("vip")
                                .attribute("orderId", "42")
                                .build())
                        .get(10, TimeUnit.SECONDS);

                client.producer().send(OutgoingMessage.to("order.reminder")
                        .attribute("orderId", "42")
                        .deliverAfter(Duration.ofMinutes(1))
                        .build());

                ListenerConsumer listener = client.consumer("order.created", "billing")
                        .tagFilter(TagFilter.any("vip"))
                        .threads(8)
                        .listener(message -> charge(message.attribute("orderId").orElseThrow()))
                        .start();

                PullConsumer puller = client.pullConsumer("order.created", "audit");
                for (ReceivedMessage message : puller.pull(100, Duration.ofSeconds(5))) {
                    if (audit(message)) {
                        message.ack();
                    } else {
                        message.nack(Duration.ofSeconds(30));
                    }
                }
                // --- end of the example ---

                assertThat(receipt.subject()).isEqualTo("order.created");
                await().atMost(Duration.ofSeconds(10)).until(() -> charged.contains("42"));
                assertThat(listener).isNotNull();
            }
            assertThat(broker.ackedUpTo("order.created", "audit")).isZero();
            assertThat(broker.messages("order.reminder")).singleElement()
                    .satisfies(r -> assertThat(r.attributes()).containsKey("qmq_scheduleReceiveTime"));
        }
    }

    private void charge(String orderId) {
        charged.add(orderId);
    }

    private static boolean audit(ReceivedMessage message) {
        return message.attribute("orderId").isPresent();
    }
}

package io.qmq.adapters.netty.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.qmq.domain.consumer.TagFilter;
import io.qmq.domain.message.Subject;
import io.qmq.domain.message.Tags;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryDecisionTest {

    private static final Subject ORDERS = Subject.of("orders");

    @Test
    void firstFailureGoesToTheRetrySubjectAsAttemptTwo() {
        RetryDecision decision = RetryDecision.of(ORDERS, "billing", Map.of(), 32);

        assertThat(decision.subject().name()).isEqualTo("%RETRY%orders%billing");
        assertThat(decision.attempt()).isEqualTo(2);
        assertThat(decision.deadLetter()).isFalse();
    }

    @Test
    void attemptBeyondTheLimitIsADeadLetter() {
        RetryDecision last = RetryDecision.of(ORDERS, "billing", Map.of("qmq_times", "31"), 32);
        RetryDecision dead = RetryDecision.of(ORDERS, "billing", Map.of("qmq_times", "32"), 32);

        assertThat(last.attempt()).isEqualTo(32);
        assertThat(last.deadLetter()).isFalse();
        assertThat(dead.attempt()).isEqualTo(33);
        assertThat(dead.deadLetter()).isTrue();
        assertThat(dead.subject().name()).isEqualTo("%DEAD_RETRY%orders%billing");
    }

    @Test
    void theMessagesOwnLimitWinsOverTheConsumers() {
        RetryDecision decision = RetryDecision.of(ORDERS, "billing", Map.of("qmq_maxRetryNum", "1"), 32);

        assertThat(decision.deadLetter()).isTrue();
        assertThat(decision.subject().isDeadLetter()).isTrue();
    }

    @Test
    void zeroRetriesSendsTheFirstFailureToTheDeadLetters() {
        assertThat(RetryDecision.of(ORDERS, "billing", Map.of(), 0).deadLetter()).isTrue();
    }

    @Test
    void unreadableTimesCountAsTheFirstAttempt() {
        assertThat(RetryDecision.of(ORDERS, "billing", Map.of("qmq_times", "x"), 32).attempt()).isEqualTo(2);
    }

    @Test
    void copyKeepsIdTagsAndAttributesAndStampsTimesCreationAndGroup() {
        ReceivedMessage message = received(Map.of("k", "v", "qmq_createTime", "1", "qmq_times", "2"));

        OutboundRecord copy = RetryCopy.of(message, "billing", 32, 5_000, Duration.ZERO);

        assertThat(copy.subject().name()).isEqualTo("%RETRY%orders%billing");
        assertThat(copy.id()).isEqualTo("m1");
        assertThat(copy.tags()).isEqualTo(Tags.of("vip"));
        assertThat(copy.attributes()).containsEntry("k", "v")
                .containsEntry("qmq_times", "3")
                .containsEntry("qmq_createTime", "5000")
                .containsEntry("qmq_consumerGroupName", "billing")
                .containsEntry("qmq_maxRetryNum", "32")
                .doesNotContainKey("qmq_scheduleReceiveTime");
        assertThat(copy.createdAt()).isEqualTo(5_000);
        assertThat(copy.isDelayedAt(5_000)).isFalse();
    }

    @Test
    void delayedNackSchedulesTheCopyForADelayServer() {
        OutboundRecord copy = RetryCopy.of(received(Map.of()), "billing", 32, 5_000, Duration.ofSeconds(3));

        assertThat(copy.attributes()).containsEntry("qmq_scheduleReceiveTime", "8000");
        assertThat(copy.routeTypeAt(5_000)).isEqualTo(io.qmq.domain.cluster.ClientType.DELAY_PRODUCER);
    }

    @Test
    void deadLetterCopiesAreNeverDelayed() {
        OutboundRecord copy = RetryCopy.of(received(Map.of("qmq_times", "40")), "billing", 32, 5_000, Duration.ofSeconds(3));

        assertThat(copy.subject().isDeadLetter()).isTrue();
        assertThat(copy.scheduledAt()).isZero();
    }

    static ReceivedMessage received(Map<String, String> attributes) {
        ConsumerSettings settings = new ConsumerSettings(ORDERS, "billing", "c1", TagFilter.NONE, false, false, 32,
                50, Duration.ofMillis(2500), 100, Duration.ofSeconds(10));
        StreamSettlement settlement = new StreamSettlement(new StreamAddress(ORDERS, "b0"), "127.0.0.1:1", settings,
                new ConsumerWiring(null, null, null, null, null, null));
        return new ReceivedMessage(ORDERS, "m1", Tags.of("vip"), attributes, 7, settlement);
    }
}

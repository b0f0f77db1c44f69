package io.qmq.adapters.netty.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qmq.adapters.netty.codec.MessageRecord;
import io.qmq.domain.cluster.ClientType;
import io.qmq.domain.message.MessageFlags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ProducerStampTest {

    private static final long NOW = 1_700_000_000_000L;
    private final Clock clock = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);
    private final ProducerStamp stamp = new ProducerStamp("shop", clock, new MessageIds(clock));

    @Test
    void stampsCreationExpiryAndAppCodeAndGeneratesAnId() {
        OutboundRecord record = stamp.stamp(OutgoingMessage.to("orders").tags("vip").attribute("k", "v").build());

        assertThat(record.attributes())
                .containsEntry("k", "v")
                .containsEntry("qmq_createTime", Long.toString(NOW))
                .containsEntry("qmq_expireTime", Long.toString(NOW + 15 * 60_000))
                .containsEntry("qmq_appCode", "shop")
                .doesNotContainKey("qmq_scheduleReceiveTime");
        assertThat(record.id()).isNotBlank().hasSizeLessThanOrEqualTo(100);
        assertThat(stamp.stamp(OutgoingMessage.to("orders").build()).id()).isNotEqualTo(record.id());
        assertThat(record.routeTypeAt(NOW)).isEqualTo(ClientType.PRODUCER);
    }

    @Test
    void keepsTheApplicationsId() {
        assertThat(stamp.stamp(OutgoingMessage.to("orders").id("order-42").build()).id()).isEqualTo("order-42");
    }

    @Test
    void aScheduleAtLeast500MsAheadGoesToDelayServers() {
        OutboundRecord delayed = stamp.stamp(OutgoingMessage.to("orders").deliverAfter(Duration.ofMillis(500)).build());
        OutboundRecord soon = stamp.stamp(OutgoingMessage.to("orders").deliverAt(Instant.ofEpochMilli(NOW + 499)).build());

        assertThat(delayed.attributes()).containsEntry("qmq_scheduleReceiveTime", Long.toString(NOW + 500));
        assertThat(delayed.routeTypeAt(NOW)).isEqualTo(ClientType.DELAY_PRODUCER);
        assertThat(soon.routeTypeAt(NOW)).isEqualTo(ClientType.PRODUCER);
    }

    @Test
    void encodingSetsTheDelayFlagAndDueTimeOnlyWhileTheScheduleIsAhead() {
        OutboundRecord delayed = stamp.stamp(OutgoingMessage.to("orders").deliverAfter(Duration.ofSeconds(5)).build());
        PendingSend send = new PendingSend(delayed, ClientType.DELAY_PRODUCER, new CompletableFuture<>());

        MessageRecord early = BatchSender.encode(List.of(send), NOW).get(0);
        MessageRecord late = BatchSender.encode(List.of(send), NOW + 4_800).get(0);

        assertThat(early.flag() & MessageFlags.DELAY).isNotZero();
        assertThat(early.time2()).isEqualTo(NOW + 5_000);
        assertThat(late.flag() & MessageFlags.DELAY).isZero();
        assertThat(late.time2()).isEqualTo(NOW + 4_800);
        assertThat(early.createdTime()).isEqualTo(NOW);
    }

    @Test
    void applicationsCannotSetReservedAttributesExceptTheRetryLimit() {
        assertThatThrownBy(() -> OutgoingMessage.to("orders").attribute("qmq_times", "5"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reserved");
        assertThat(OutgoingMessage.to("orders").maxRetries(3).build().attributes()).containsEntry("qmq_maxRetryNum", "3");
    }

    @Test
    void perMessageCodesMapToTheStockProducersReactions() {
        assertThat(SendVerdict.ofMessageCode(0, "")).isEqualTo(SendVerdict.STORED);
        assertThat(SendVerdict.ofMessageCode(2, "")).isEqualTo(SendVerdict.STORED);
        assertThat(SendVerdict.ofMessageCode(1, "")).isEqualTo(SendVerdict.REFUSED);
        assertThat(SendVerdict.ofMessageCode(5, "")).isEqualTo(SendVerdict.REFUSED);
        assertThat(SendVerdict.ofMessageCode(3, "")).isEqualTo(SendVerdict.RETRY);
        assertThat(SendVerdict.ofMessageCode(6, "")).isEqualTo(SendVerdict.RETRY);
        assertThat(SendVerdict.ofMessageCode(4, "")).isEqualTo(SendVerdict.RETRY_ELSEWHERE);
        assertThat(SendVerdict.ofMessageCode(99, "broker busy")).isEqualTo(SendVerdict.REFUSED);
    }
}

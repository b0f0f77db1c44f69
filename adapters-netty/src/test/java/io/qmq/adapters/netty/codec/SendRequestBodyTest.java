package io.qmq.adapters.netty.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.qmq.adapters.netty.codec.IncomingRecord.Accepted;
import io.qmq.adapters.netty.codec.IncomingRecord.Refusal;
import io.qmq.adapters.netty.codec.IncomingRecord.Refused;
import io.qmq.domain.message.MessageFlags;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LeakReportsFail.class)
class SendRequestBodyTest {

    private final ByteBuf body = Unpooled.buffer();

    @AfterEach
    void release() {
        body.release();
    }

    private static MessageRecord record(String id, int flag, long time2, List<String> tags, Map<String, String> attrs) {
        return new MessageRecord((byte) flag, 1_000L, time2, "orders", id, tags, attrs);
    }

    @Test
    void delayedMessageIsDueAtItsSecondTime() {
        SendRequestBody.encode(body, List.of(record("d", MessageFlags.DELAY, 9_000L, List.of(),
                Map.of(MessageRecord.SCHEDULE_ATTRIBUTE, "8000"))));

        Accepted accepted = (Accepted) SendRequestBody.decode(body).get(0);
        assertThat(accepted.message().scheduledAt()).isEqualTo(9_000L);
        assertThat(accepted.message().flags().isDelayed()).isTrue();
    }

    @Test
    void undelayedMessageWithScheduleAttributeIsDueThen() {
        SendRequestBody.encode(body, List.of(
                record("a", 0, 5L, List.of(), Map.of("x", "y", MessageRecord.SCHEDULE_ATTRIBUTE, "8000")),
                record("b", 0, 5L, List.of(), Map.of(MessageRecord.SCHEDULE_ATTRIBUTE, "soon")),
                record("c", 0, 5L, List.of(), Map.of())));

        List<Long> due = SendRequestBody.decode(body).stream()
                .map(r -> ((Accepted) r).message().scheduledAt()).toList();
        assertThat(due).containsExactly(8_000L, 0L, 0L);
    }

    @Test
    void corruptedRecordIsRefusedAloneByCrc() {
        SendRequestBody.encode(body, List.of(record("a", 0, 5L, List.of(), Map.of("k", "v")),
                record("b", 0, 5L, List.of(), Map.of("k", "v"))));
        body.setByte(body.writerIndex() - 1, 'w');

        List<IncomingRecord> records = SendRequestBody.decode(body);
        assertThat(records.get(0)).isInstanceOf(Accepted.class);
        assertThat(records.get(1)).isEqualTo(new Refused("b", Refusal.CORRUPT, "crc mismatch"));
    }

    @Test
    void moreThanTenTagsAndBadSubjectsAreRefusedAlone() {
        List<String> eleven = IntStream.range(0, 11).mapToObj(i -> "t" + i).toList();
        SendRequestBody.encode(body, List.of(record("many", 0, 5L, eleven, Map.of()),
                new MessageRecord((byte) 0, 1L, 2L, "a/b", "slash", List.of(), Map.of())));

        List<IncomingRecord> records = SendRequestBody.decode(body);
        assertThat(records).extracting(r -> ((Refused) r).refusal())
                .containsExactly(Refusal.INVALID_MESSAGE, Refusal.INVALID_SUBJECT);
        assertThat(records).extracting(IncomingRecord::messageId).containsExactly("many", "slash");
    }

    @Test
    void truncatedRecordMakesTheWholeBodyMalformed() {
        SendRequestBody.encode(body, List.of(record("a", 0, 5L, List.of(), Map.of("k", "v"))));
        SendRequestBody.encode(body, List.of(record("b", 0, 5L, List.of(), Map.of("k", "v"))));
        body.writerIndex(body.writerIndex() - 2);

        assertThatThrownBy(() -> SendRequestBody.decode(body))
                .isInstanceOf(MalformedBodyException.class).hasMessageContaining("attributes");
    }

    @Test
    void attributeOverrunningItsLengthIsMalformed() {
        SendRequestBody.encode(body, List.of(record("a", 0, 5L, List.of(), Map.of("key", "value"))));
        int attrsLengthIndex = body.writerIndex() - (2 + 3 + 2 + 5) - 4;
        body.setInt(attrsLengthIndex, 6);
        body.writerIndex(attrsLengthIndex + 4 + 6);

        assertThatThrownBy(() -> SendRequestBody.decode(body)).isInstanceOf(MalformedBodyException.class);
    }

    @Test
    void negativeStringLengthIsMalformed() {
        body.writeLong(0).writeByte(0).writeLong(1).writeLong(2).writeShort(-1);

        assertThatThrownBy(() -> SendRequestBody.decode(body))
                .isInstanceOf(MalformedBodyException.class).hasMessageContaining("negative length");
    }
}

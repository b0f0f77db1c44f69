package io.qmq.adapters.netty.codec;

import static io.qmq.adapters.netty.codec.HexDump.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.qmq.adapters.netty.codec.IncomingRecord.Accepted;
import io.qmq.domain.message.Message;
import io.qmq.domain.message.Tags;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The send and ack exchanges of the protocol document's section 9, byte for byte. */
@ExtendWith(LeakReportsFail.class)
class WorkedExamplesTest {

    static final String SEND_FRAME = """
            00 00 00 6f 00 12 de c1 0a de 00 0a 00 09 00 00
            00 07 00 00 00 00 00 0a 00 00 00 00 a5 e9 96 da
            04 00 00 01 8b cf e5 68 00 00 00 01 8b cf e5 69
            f4 00 0d 6f 72 64 65 72 2e 63 72 65 61 74 65 64
            00 02 6d 31 01 00 03 76 69 70 00 00 00 25 00 0e
            71 6d 71 5f 63 72 65 61 74 65 54 69 6d 65 00 0d
            31 37 30 30 30 30 30 30 30 30 30 30 30 00 01 6b
            00 01 76""";
    /** Bytes 0x20..0x72 of the send frame: the stored record. */
    static final String STORED_RECORD = SEND_FRAME.replaceAll("\\s+", "").substring(2 * 0x20);

    static MessageRecord exampleRecord() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("qmq_createTime", "1700000000000");
        attributes.put("k", "v");
        return new MessageRecord((byte) io.qmq.domain.message.MessageFlags.TAGS, 1_700_000_000_000L, 1_700_000_000_500L, "order.created", "m1",
                List.of("vip"), attributes);
    }

    @Test
    void producerEncodesTheSendFrameExactly() {
        String wire = FrameBytes.encode(FrameHeader.request(CommandCode.SEND_MESSAGE, 9, 7),
                body -> SendRequestBody.encode(body, List.of(exampleRecord())));

        assertThat(wire).isEqualTo(hex(SEND_FRAME));
    }

    @Test
    void brokerDecodesTheSendFrameIntoAMessageKeepingTheRecordBytes() {
        Frame frame = FrameBytes.decode(SEND_FRAME);
        try {
            assertThat(frame.header()).isEqualTo(new FrameHeader(10, 9, 7, 0, 10));
            List<IncomingRecord> records = SendRequestBody.decode(frame.body());

            assertThat(records).hasSize(1).first().isInstanceOf(Accepted.class);
            Message message = ((Accepted) records.get(0)).message();
            assertThat(message.subject().name()).isEqualTo("order.created");
            assertThat(message.id().value()).isEqualTo("m1");
            assertThat(message.tags()).isEqualTo(Tags.of("vip"));
            assertThat(message.createdAt()).isEqualTo(1_700_000_000_000L);
            assertThat(message.scheduledAt()).isZero();
            assertThat(message.flags().hasTags()).isTrue();
            assertThat(io.netty.buffer.ByteBufUtil.hexDump(message.encoded())).isEqualTo(STORED_RECORD);
        } finally {
            frame.release();
        }
    }

    @Test
    void allStoredResponseIsAnEmptyFrame() {
        FrameHeader request = FrameHeader.request(CommandCode.SEND_MESSAGE, 9, 7);

        String wire = FrameBytes.encode(Frame.emptyResponse(request, ResponseCode.SUCCESS));

        assertThat(wire).isEqualTo(hex("00 00 00 14 00 12 de c1 0a de 00 00 00 09 00 00 00 07 00 00 00 01 00 0a"));
    }

    @Test
    void busyResponseListsTheRefusedMessage() {
        FrameHeader response = FrameHeader.request(CommandCode.SEND_MESSAGE, 9, 7).responseWith(ResponseCode.SUCCESS);
        SendResponseBody body = new SendResponseBody(
                List.of(new SendResponseBody.Failure("m1", SendResponseBody.BUSY, "broker busy")));

        String wire = FrameBytes.encode(response, body::encode);

        assertThat(wire).isEqualTo(hex("00 00 00 29 00 12 de c1 0a de 00 00 00 09 00 00 00 07 00 00 00 01 00 0a"
                + "00 02 6d 31 00 00 00 01 00 0b 62 72 6f 6b 65 72 20 62 75 73 79"));
        io.netty.buffer.ByteBuf decoded = HexDump.buffer(wire.substring(48));
        assertThat(SendResponseBody.decode(decoded)).isEqualTo(body);
    }

    static final String ACK_FRAME = """
            00 00 00 3c 00 12 de c1 0a de 00 0c 00 09 00 00 00 09 00 00 00 00 00 0c
            00 0d 6f 72 64 65 72 2e 63 72 65 61 74 65 64  00 02 67 31  00 02 63 31
            00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  00""";

    @Test
    void ackRoundTripsExactly() {
        AckRequestBody ack = new AckRequestBody("order.created", "g1", "c1", 0, 0, false);

        assertThat(FrameBytes.encode(FrameHeader.request(CommandCode.ACK_REQUEST, 9, 9), ack::encode))
                .isEqualTo(hex(ACK_FRAME));
        Frame frame = FrameBytes.decode(ACK_FRAME);
        try {
            assertThat(AckRequestBody.decode(frame.body(), frame.header().version())).isEqualTo(ack);
        } finally {
            frame.release();
        }
        assertThat(FrameBytes.encode(Frame.emptyResponse(frame.header(), ResponseCode.SUCCESS)))
                .isEqualTo(hex("00 00 00 14 00 12 de c1 0a de 00 00 00 09 00 00 00 09 00 00 00 01 00 0c"));
    }
}

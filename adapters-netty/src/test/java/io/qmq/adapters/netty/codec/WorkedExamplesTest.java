package io.qmq.adapters.netty.codec;

import static io.qmq.adapters.netty.codec.HexDump.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.qmq.adapters.netty.codec.IncomingRecord.Accepted;
import io.qmq.domain.message.Message;
import io.qmq.domain.message.Tags;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The send and ack exchanges of the protocol document's section 9, byte for byte. */
@ExtendWith(LeakReportsFail.class)
class WorkedExamplesTest {



    @Test
    void producerEncodesTheSendFrameExactly() {
        String wire = FrameBytes.encode(FrameHeader.request(CommandCode.SEND_MESSAGE, 9, 7),
                body -> SendRequestBody.encode(body, List.of(ProtocolExamples.exampleRecord())));

        assertThat(wire).isEqualTo(hex(ProtocolExamples.SEND_FRAME));
    }

    @Test
    void brokerDecodesTheSendFrameIntoAMessageKeepingTheRecordBytes() {
        Frame frame = FrameBytes.decode(ProtocolExamples.SEND_FRAME);
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
            assertThat(io.netty.buffer.ByteBufUtil.hexDump(message.encoded())).isEqualTo(ProtocolExamples.STORED_RECORD);
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


    @Test
    void ackRoundTripsExactly() {
        AckRequestBody ack = new AckRequestBody("order.created", "g1", "c1", 0, 0, false);

        assertThat(FrameBytes.encode(FrameHeader.request(CommandCode.ACK_REQUEST, 9, 9), ack::encode))
                .isEqualTo(hex(ProtocolExamples.ACK_FRAME));
        Frame frame = FrameBytes.decode(ProtocolExamples.ACK_FRAME);
        try {
            assertThat(AckRequestBody.decode(frame.body(), frame.header().version())).isEqualTo(ack);
        } finally {
            frame.release();
        }
        assertThat(FrameBytes.encode(Frame.emptyResponse(frame.header(), ResponseCode.SUCCESS)))
                .isEqualTo(hex("00 00 00 14 00 12 de c1 0a de 00 00 00 09 00 00 00 09 00 00 00 01 00 0c"));
    }
}

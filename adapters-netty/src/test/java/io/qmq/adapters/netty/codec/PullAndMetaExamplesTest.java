package io.qmq.adapters.netty.codec;

import static io.qmq.adapters.netty.codec.HexDump.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufAllocator;
import io.qmq.adapters.netty.codec.PullFilter.ByTags;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The pull and meta exchanges of the protocol document's section 9, byte for byte. */
@ExtendWith(LeakReportsFail.class)
class PullAndMetaExamplesTest {




    static final PullRequestBody PULL = new PullRequestBody("order.created", "g1", "c1", 50, -1, -1, -1, 2500,
            false, List.of(new ByTags(1, List.of("vip"))));

    @Test
    void pullRequestRoundTripsExactly() {
        assertThat(FrameBytes.encode(FrameHeader.request(CommandCode.PULL_MESSAGE, 9, 8), PULL::encode))
                .isEqualTo(hex(ProtocolExamples.PULL_REQUEST));
        Frame frame = FrameBytes.decode(ProtocolExamples.PULL_REQUEST);
        try {
            assertThat(PullRequestBody.decode(frame.body(), 9)).isEqualTo(PULL);
        } finally {
            frame.release();
        }
    }

    @Test
    void pullResponseIsWrittenFromStoredBytesAndDecodesOnTheClient() {
        byte[] stored = HexDump.bytes(ProtocolExamples.STORED_RECORD);
        FrameHeader request = FrameHeader.request(CommandCode.PULL_MESSAGE, 9, 8);

        String wire = FrameBytes.encode(Frame.response(request, ResponseCode.SUCCESS,
                PullResponseBody.encode(ByteBufAllocator.DEFAULT, 0, List.of(stored))));

        assertThat(wire).isEqualTo(hex(ProtocolExamples.PULL_RESPONSE));
        Frame frame = FrameBytes.decode(ProtocolExamples.PULL_RESPONSE);
        try {
            assertThat(PullResponseBody.decode(frame.body()))
                    .isEqualTo(new PullResponseBody(0, List.of(ProtocolExamples.exampleRecord())));
        } finally {
            frame.release();
        }
    }

    @Test
    void metaRequestDecodesIntoItsMap() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("clientId", "c1");
        entries.put("clientTypeCode", "2");
        entries.put("requestType", "1");
        entries.put("subject", "order.created");
        entries.put("appCode", "demo");
        entries.put("consumerGroup", "g1");
        ClientRegisterRequestBody body = new ClientRegisterRequestBody(entries);

        String wire = FrameBytes.encode(FrameHeader.request(CommandCode.CLIENT_REGISTER, 9, 0), body::encode);

        StringBuilder expected = new StringBuilder(
                "00 00 00 81 00 12 de c1 0a de 00 23 00 09 00 00 00 00 00 00 00 00 00 23 00 06");
        entries.forEach((key, value) -> expected.append(str16(key)).append(str16(value)));
        assertThat(wire).isEqualTo(hex(expected.toString()));
        Frame frame = FrameBytes.decode(wire);
        try {
            ClientRegisterRequestBody decoded = ClientRegisterRequestBody.decode(frame.body());
            assertThat(decoded.entries()).containsExactlyEntriesOf(entries);
            assertThat(decoded.get(ClientRegisterRequestBody.CLIENT_LDC)).isEmpty();
        } finally {
            frame.release();
        }
    }

    /** An ASCII string as the document shows it: i16 length, then its bytes. */
    private static String str16(String ascii) {
        StringBuilder hex = new StringBuilder(String.format("%04x", ascii.length()));
        ascii.chars().forEach(c -> hex.append(String.format("%02x", c)));
        return hex.toString();
    }

    @Test
    void metaResponseRoundTripsExactly() {
        MetaInfoResponseBody body = new MetaInfoResponseBody(1_700_000_000_000L, "order.created", "g1",
                MetaInfoResponseBody.ONLINE, 2,
                List.of(new MetaInfoResponseBody.Group("broker-0", "10.0.0.5:20881", 1_700_000_000_000L, 1)));
        FrameHeader request = FrameHeader.request(CommandCode.CLIENT_REGISTER, 9, 0);

        assertThat(FrameBytes.encode(request.responseWith(ResponseCode.SUCCESS), body::encode))
                .isEqualTo(hex(ProtocolExamples.META_RESPONSE));
        Frame frame = FrameBytes.decode(ProtocolExamples.META_RESPONSE);
        try {
            assertThat(MetaInfoResponseBody.decode(frame.body())).isEqualTo(body);
        } finally {
            frame.release();
        }
    }
}

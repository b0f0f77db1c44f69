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

    static final String PULL_REQUEST = """
            00 00 00 5e 00 12 de c1 0a de 00 0b 00 09 00 00
            00 08 00 00 00 00 00 0b 00 0d 6f 72 64 65 72 2e
            63 72 65 61 74 65 64 00 02 67 31 00 02 63 31 00
            00 00 32 ff ff ff ff ff ff ff ff ff ff ff ff ff
            ff ff ff ff ff ff ff ff ff ff ff 00 00 00 00 00
            00 09 c4 00 00 00 00 01 00 01 00 01 01 00 03 76
            69 70""";

    static final String PULL_RESPONSE = """
            00 00 00 77 00 12 de c1 0a de 00 00 00 09 00 00
            00 08 00 00 00 01 00 0b 00 00 00 00 00 00 00 00
            ff ff ff ff ff ff ff ff 04 00 00 01 8b cf e5 68
            00 00 00 01 8b cf e5 69 f4 00 0d 6f 72 64 65 72
            2e 63 72 65 61 74 65 64 00 02 6d 31 01 00 03 76
            69 70 00 00 00 25 00 0e 71 6d 71 5f 63 72 65 61
            74 65 54 69 6d 65 00 0d 31 37 30 30 30 30 30 30
            30 30 30 30 30 00 01 6b 00 01 76""";

    static final String META_RESPONSE = """
            00 00 00 56 00 12 de c1 0a de 00 00 00 09 00 00
            00 00 00 00 00 01 00 23 00 00 01 8b cf e5 68 00
            00 0d 6f 72 64 65 72 2e 63 72 65 61 74 65 64 00
            02 67 31 00 02 00 01 00 08 62 72 6f 6b 65 72 2d
            30 00 0e 31 30 2e 30 2e 30 2e 35 3a 32 30 38 38
            31 00 00 01 8b cf e5 68 00 01""";

    static final PullRequestBody PULL = new PullRequestBody("order.created", "g1", "c1", 50, -1, -1, -1, 2500,
            false, List.of(new ByTags(1, List.of("vip"))));

    @Test
    void pullRequestRoundTripsExactly() {
        assertThat(FrameBytes.encode(FrameHeader.request(CommandCode.PULL_MESSAGE, 9, 8), PULL::encode))
                .isEqualTo(hex(PULL_REQUEST));
        Frame frame = FrameBytes.decode(PULL_REQUEST);
        try {
            assertThat(PullRequestBody.decode(frame.body(), 9)).isEqualTo(PULL);
        } finally {
            frame.release();
        }
    }

    @Test
    void pullResponseIsWrittenFromStoredBytesAndDecodesOnTheClient() {
        byte[] stored = HexDump.bytes(WorkedExamplesTest.STORED_RECORD);
        FrameHeader request = FrameHeader.request(CommandCode.PULL_MESSAGE, 9, 8);

        String wire = FrameBytes.encode(Frame.response(request, ResponseCode.SUCCESS,
                PullResponseBody.encode(ByteBufAllocator.DEFAULT, 0, List.of(stored))));

        assertThat(wire).isEqualTo(hex(PULL_RESPONSE));
        Frame frame = FrameBytes.decode(PULL_RESPONSE);
        try {
            assertThat(PullResponseBody.decode(frame.body()))
                    .isEqualTo(new PullResponseBody(0, List.of(WorkedExamplesTest.exampleRecord())));
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
                .isEqualTo(hex(META_RESPONSE));
        Frame frame = FrameBytes.decode(META_RESPONSE);
        try {
            assertThat(MetaInfoResponseBody.decode(frame.body())).isEqualTo(body);
        } finally {
            frame.release();
        }
    }
}

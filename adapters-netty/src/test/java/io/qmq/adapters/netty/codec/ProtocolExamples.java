package io.qmq.adapters.netty.codec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The worked examples of the protocol document (section 9), as the stock 1.1.43 client writes them. */
public final class ProtocolExamples {

    private ProtocolExamples() {
    }

    /** Section 9 of the protocol document. */
    public static final String SEND_FRAME = """
            00 00 00 6f 00 12 de c1 0a de 00 0a 00 09 00 00
            00 07 00 00 00 00 00 0a 00 00 00 00 a5 e9 96 da
            04 00 00 01 8b cf e5 68 00 00 00 01 8b cf e5 69
            f4 00 0d 6f 72 64 65 72 2e 63 72 65 61 74 65 64
            00 02 6d 31 01 00 03 76 69 70 00 00 00 25 00 0e
            71 6d 71 5f 63 72 65 61 74 65 54 69 6d 65 00 0d
            31 37 30 30 30 30 30 30 30 30 30 30 30 00 01 6b
            00 01 76""";
    /** Section 9 of the protocol document. */
    public static final String ACK_FRAME = """
            00 00 00 3c 00 12 de c1 0a de 00 0c 00 09 00 00 00 09 00 00 00 00 00 0c
            00 0d 6f 72 64 65 72 2e 63 72 65 61 74 65 64  00 02 67 31  00 02 63 31
            00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  00""";
    /** Section 9 of the protocol document. */
    public static final String PULL_REQUEST = """
            00 00 00 5e 00 12 de c1 0a de 00 0b 00 09 00 00
            00 08 00 00 00 00 00 0b 00 0d 6f 72 64 65 72 2e
            63 72 65 61 74 65 64 00 02 67 31 00 02 63 31 00
            00 00 32 ff ff ff ff ff ff ff ff ff ff ff ff ff
            ff ff ff ff ff ff ff ff ff ff ff 00 00 00 00 00
            00 09 c4 00 00 00 00 01 00 01 00 01 01 00 03 76
            69 70""";
    /** Section 9 of the protocol document. */
    public static final String PULL_RESPONSE = """
            00 00 00 77 00 12 de c1 0a de 00 00 00 09 00 00
            00 08 00 00 00 01 00 0b 00 00 00 00 00 00 00 00
            ff ff ff ff ff ff ff ff 04 00 00 01 8b cf e5 68
            00 00 00 01 8b cf e5 69 f4 00 0d 6f 72 64 65 72
            2e 63 72 65 61 74 65 64 00 02 6d 31 01 00 03 76
            69 70 00 00 00 25 00 0e 71 6d 71 5f 63 72 65 61
            74 65 54 69 6d 65 00 0d 31 37 30 30 30 30 30 30
            30 30 30 30 30 00 01 6b 00 01 76""";
    /** Section 9 of the protocol document. */
    public static final String META_RESPONSE = """
            00 00 00 56 00 12 de c1 0a de 00 00 00 09 00 00
            00 00 00 00 00 01 00 23 00 00 01 8b cf e5 68 00
            00 0d 6f 72 64 65 72 2e 63 72 65 61 74 65 64 00
            02 67 31 00 02 00 01 00 08 62 72 6f 6b 65 72 2d
            30 00 0e 31 30 2e 30 2e 30 2e 35 3a 32 30 38 38
            31 00 00 01 8b cf e5 68 00 01""";
    /** Bytes 0x20..0x72 of the send frame: the stored record. */
    public static final String STORED_RECORD = SEND_FRAME.replaceAll("\\s+", "").substring(2 * 0x20);

    /** The message of the send example. */
    public static MessageRecord exampleRecord() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("qmq_createTime", "1700000000000");
        attributes.put("k", "v");
        return new MessageRecord((byte) io.qmq.domain.message.MessageFlags.TAGS, 1_700_000_000_000L, 1_700_000_000_500L, "order.created", "m1",
                List.of("vip"), attributes);
    }
}

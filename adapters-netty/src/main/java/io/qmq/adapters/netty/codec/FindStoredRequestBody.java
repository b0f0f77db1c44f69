package io.qmq.adapters.netty.codec;

import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * The FIND_STORED_MESSAGES request body ({@link CommandCode#FIND_STORED_MESSAGES}, ours): when the
 * candidates' forward began, then the candidates as a SEND_MESSAGE body carries them.
 *
 * <pre>
 * since     i64   epoch ms on the asking delay server's clock
 * records   ...   message records with their crc, back to back until the body ends ({@link SendRequestBody})
 * </pre>
 *
 * The answer is a {@link FindStoredResponseBody}, naming candidates by their place in this body.
 */
public record FindStoredRequestBody(long since, List<IncomingRecord> candidates) {

    public FindStoredRequestBody {
        candidates = List.copyOf(candidates);
    }

    /** Writes the body; {@code records} are the stored bytes of each candidate (without crc). */
    public static void encode(ByteBuf out, long since, List<byte[]> records) {
        out.writeLong(since);
        records.forEach(record -> SendRequestBody.encodeStored(out, record));
    }

    /** Decodes the whole body; throws {@link MalformedBodyException} if any record is not well framed. */
    public static FindStoredRequestBody decode(ByteBuf body) {
        long since = new BodyReader(body, "find-stored request").i64("since");
        return new FindStoredRequestBody(since, SendRequestBody.decode(body));
    }
}

package io.qmq.adapters.netty.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.ArrayList;
import java.util.List;

/**
 * The PULL_MESSAGE response body (with response code 0).
 *
 * <pre>
 * firstPullOffset  i64  pull offset of the first record; record i has firstPullOffset + i
 * reserved         i64  always -1; the client skips it
 * records          stored records (fields 2..10 of {@link MessageRecord}) back to back to the end
 * </pre>
 */
public record PullResponseBody(long firstPullOffset, List<MessageRecord> records) {

    public static final long RESERVED = -1L;
    private static final int PREFIX_BYTES = 2 * Long.BYTES;

    public PullResponseBody {
        records = List.copyOf(records);
    }

    /**
     * The body for stored records kept as byte arrays, copied once into one buffer from {@code alloc}
     * (an I/O buffer, direct where the platform allows). Wrapping the arrays instead saved nothing: a
     * socket write copies heap arrays into a direct buffer anyway, and a composite of a hundred or more
     * small components cost more to walk on every (partial) write than the copy.
     */
    public static ByteBuf encode(ByteBufAllocator alloc, long firstPullOffset, List<byte[]> storedRecords) {
        int bytes = PREFIX_BYTES;
        for (byte[] record : storedRecords) {
            bytes += record.length;
        }
        ByteBuf body = alloc.ioBuffer(bytes);
        body.writeLong(firstPullOffset);
        body.writeLong(RESERVED);
        for (byte[] record : storedRecords) {
            body.writeBytes(record);
        }
        return body;
    }

    public static PullResponseBody decode(ByteBuf body) {
        BodyReader r = new BodyReader(body, "pull response");
        long first = r.i64("firstPullOffset");
        r.i64("reserved");
        List<MessageRecord> records = new ArrayList<>();
        while (r.hasRemaining()) {
            records.add(MessageRecord.decode(r));
        }
        return new PullResponseBody(first, records);
    }
}

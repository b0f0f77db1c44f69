package io.qmq.adapters.netty.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
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
     * The body for stored records kept as byte arrays: a small prefix buffer plus the arrays wrapped,
     * not copied, so the transport writes them with one gathering write. The arrays must not change
     * while the buffer is in flight.
     */
    public static ByteBuf encode(ByteBufAllocator alloc, long firstPullOffset, List<byte[]> storedRecords) {
        ByteBuf prefix = alloc.buffer(PREFIX_BYTES);
        prefix.writeLong(firstPullOffset);
        prefix.writeLong(RESERVED);
        CompositeByteBuf body = alloc.compositeBuffer(storedRecords.size() + 1);
        body.addComponent(true, prefix);
        for (byte[] record : storedRecords) {
            body.addComponent(true, Unpooled.wrappedBuffer(record));
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

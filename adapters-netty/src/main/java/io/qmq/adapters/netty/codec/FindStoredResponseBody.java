package io.qmq.adapters.netty.codec;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * The FIND_STORED_MESSAGES response body (with response code 0): which candidates the broker stores,
 * by their place in the request (0 for the first record). Any other response code means the broker
 * could not tell.
 *
 * <pre>
 * count     i32          number of candidates stored
 * indexes   count * i32  their places in the request, ascending
 * </pre>
 */
public record FindStoredResponseBody(List<Integer> storedIndexes) {

    public FindStoredResponseBody {
        storedIndexes = List.copyOf(storedIndexes);
    }

    public void encode(ByteBuf out) {
        out.writeInt(storedIndexes.size());
        storedIndexes.forEach(out::writeInt);
    }

    public static FindStoredResponseBody decode(ByteBuf body) {
        BodyReader r = new BodyReader(body, "find-stored response");
        int count = r.i32("count");
        if (count < 0 || count > body.readableBytes() / Integer.BYTES) {
            throw new MalformedBodyException("find-stored response: count " + count + " does not fit the body");
        }
        List<Integer> indexes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            indexes.add(r.i32("index"));
        }
        return new FindStoredResponseBody(indexes);
    }
}

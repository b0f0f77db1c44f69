package io.qmq.adapters.netty.codec;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * The SEND_MESSAGE response body (with response code 0): one entry per message that was not stored,
 * back to back; an empty body means every message succeeded.
 *
 * <pre>
 * messageId  str16  as received
 * code       i32    per-message result, the constants below
 * remark     str16  free text, may be empty
 * </pre>
 */
public record SendResponseBody(List<Failure> failures) {

    public static final int STORED = 0;
    public static final int BUSY = 1;
    public static final int DUPLICATE = 2;
    public static final int SUBJECT_NOT_ASSIGNED = 3;
    public static final int READ_ONLY = 4;
    public static final int BLOCKED = 5;
    public static final int STORE_ERROR = 6;

    public SendResponseBody {
        failures = List.copyOf(failures);
    }

    public record Failure(String messageId, int code, String remark) {
    }

    public void encode(ByteBuf out) {
        for (Failure failure : failures) {
            BodyWriter.str16(out, failure.messageId());
            out.writeInt(failure.code());
            BodyWriter.str16(out, failure.remark());
        }
    }

    public static SendResponseBody decode(ByteBuf body) {
        BodyReader r = new BodyReader(body, "send response");
        List<Failure> failures = new ArrayList<>();
        while (r.hasRemaining()) {
            failures.add(new Failure(r.str16("messageId"), r.i32("code"), r.str16("remark")));
        }
        return new SendResponseBody(failures);
    }
}

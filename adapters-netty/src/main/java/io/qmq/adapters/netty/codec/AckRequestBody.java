package io.qmq.adapters.netty.codec;

import io.netty.buffer.ByteBuf;

/**
 * The ACK_REQUEST (12) request body; the response is code 0 with an empty body.
 *
 * <pre>
 * subject          str16
 * group            str16
 * consumerId       str16
 * pullOffsetBegin  i64   first acknowledged pull offset; negative means a heartbeat
 * pullOffsetLast   i64   last acknowledged pull offset, inclusive
 * isBroadcast      i8    from version 8 only
 * </pre>
 *
 * Bytes after the layout are ignored, for senders newer than this decoder.
 */
public record AckRequestBody(String subject, String group, String consumerId, long pullOffsetBegin,
                             long pullOffsetLast, boolean broadcast) {

    /** The first version whose acks carry the broadcast byte. */
    public static final int BROADCAST_VERSION = 8;

    public static AckRequestBody decode(ByteBuf body, int version) {
        BodyReader r = new BodyReader(body, "ack request");
        String subject = r.str16("subject");
        String group = r.str16("group");
        String consumerId = r.str16("consumerId");
        long begin = r.i64("pullOffsetBegin");
        long last = r.i64("pullOffsetLast");
        boolean broadcast = version >= BROADCAST_VERSION && r.i8("isBroadcast") != 0;
        return new AckRequestBody(subject, group, consumerId, begin, last, broadcast);
    }

    public boolean isHeartbeat() {
        return pullOffsetBegin < 0;
    }

    /** Writes the version-8+ layout. */
    public void encode(ByteBuf out) {
        BodyWriter.str16(out, subject);
        BodyWriter.str16(out, group);
        BodyWriter.str16(out, consumerId);
        out.writeLong(pullOffsetBegin);
        out.writeLong(pullOffsetLast);
        out.writeByte(broadcast ? 1 : 0);
    }
}

package io.qmq.adapters.netty.codec;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * The CLIENT_REGISTER response body (response code 0): the broker groups a client should use.
 *
 * <pre>
 * timestamp        i64    never-decreasing stamp of the consumer on/offline state
 * subject          str16  the request's subject, byte for byte
 * consumerGroup    str16  the request's consumerGroup
 * onOfflineState   i8     0 online, 1 offline
 * clientTypeCode   i8     the request's clientTypeCode
 * groupCount       i16
 * groups           groupCount x (groupName str16, master str16 host:port, updateTime i64, state i8 1..4)
 * </pre>
 */
public record MetaInfoResponseBody(long timestamp, String subject, String consumerGroup, int onOfflineState,
                                   int clientTypeCode, List<Group> groups) {

    public static final int ONLINE = 0;
    public static final int OFFLINE = 1;

    public MetaInfoResponseBody {
        groups = List.copyOf(groups);
    }

    /** One broker group; state is 1 read-write, 2 read-only, 3 write-only, 4 neither. */
    public record Group(String name, String master, long updateTime, int state) {
    }

    public void encode(ByteBuf out) {
        out.writeLong(timestamp);
        BodyWriter.str16(out, subject);
        BodyWriter.str16(out, consumerGroup);
        out.writeByte(onOfflineState);
        out.writeByte(clientTypeCode);
        out.writeShort(groups.size());
        for (Group group : groups) {
            BodyWriter.str16(out, group.name());
            BodyWriter.str16(out, group.master());
            out.writeLong(group.updateTime());
            out.writeByte(group.state());
        }
    }

    public static MetaInfoResponseBody decode(ByteBuf body) {
        BodyReader r = new BodyReader(body, "meta info response");
        long timestamp = r.i64("timestamp");
        String subject = r.str16("subject");
        String consumerGroup = r.str16("consumerGroup");
        byte onOffline = r.i8("onOfflineState");
        byte clientType = r.i8("clientTypeCode");
        short count = r.i16("groupCount");
        if (count < 0) {
            throw r.malformed("negative group count " + count);
        }
        List<Group> groups = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            groups.add(new Group(r.str16("groupName"), r.str16("master"), r.i64("updateTime"), r.i8("state")));
        }
        return new MetaInfoResponseBody(timestamp, subject, consumerGroup, onOffline, clientType, groups);
    }
}

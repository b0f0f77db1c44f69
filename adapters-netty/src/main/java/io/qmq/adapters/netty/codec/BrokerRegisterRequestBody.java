package io.qmq.adapters.netty.codec;

import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * The BROKER_REGISTER (30) request body a broker sends its meta server, as in QMQ (§7.1).
 *
 * <pre>
 * requestType    i32    0 ONLINE, 1 HEARTBEAT, 2 OFFLINE
 * groupName      str16
 * brokerAddress  str16  host:port that clients are told
 * role           i32    0 MASTER, 1 SLAVE, 2 STANDBY, 3 DELAY, 4 BACKUP, 5 DELAY_MASTER, 6 DELAY_SLAVE, 7 DELAY_BACKUP
 * state          i32    1 RW, 2 R, 3 W, 4 NRW: what the broker reports of itself
 * </pre>
 *
 * Decoding checks only the layout; the meta server judges the values.
 */
public record BrokerRegisterRequestBody(int requestType, String groupName, String brokerAddress, int role, int state) {

    public static final int ONLINE = 0;
    public static final int HEARTBEAT = 1;
    public static final int OFFLINE = 2;

    public static final int ROLE_MASTER = 0;
    public static final int ROLE_SLAVE = 1;
    public static final int ROLE_DELAY = 3;
    public static final int ROLE_DELAY_MASTER = 5;

    public BrokerRegisterRequestBody {
        Objects.requireNonNull(groupName, "group name");
        Objects.requireNonNull(brokerAddress, "broker address");
    }

    public static BrokerRegisterRequestBody decode(ByteBuf body) {
        BodyReader r = new BodyReader(body, "broker register request");
        return new BrokerRegisterRequestBody(r.i32("request type"), r.str16("group name"), r.str16("broker address"),
                r.i32("role"), r.i32("state"));
    }

    public void encode(ByteBuf out) {
        out.writeInt(requestType);
        BodyWriter.str16(out, groupName);
        BodyWriter.str16(out, brokerAddress);
        out.writeInt(role);
        out.writeInt(state);
    }

    /** Roles whose registration puts a group on clients' routes: the masters; slaves and backups are not routed to. */
    public boolean isMaster() {
        return role == ROLE_MASTER || role == ROLE_DELAY || role == ROLE_DELAY_MASTER;
    }

    /** The slave of a realtime group: shown to operators, never routed to. */
    public boolean isSlave() {
        return role == ROLE_SLAVE;
    }

    /** Roles 3 and 5..7 belong to delay groups, the others to realtime ones. */
    public boolean isDelayRole() {
        return role == ROLE_DELAY || (role >= ROLE_DELAY_MASTER && role <= 7);
    }
}

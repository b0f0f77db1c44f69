package io.qmq.domain.cluster;

/** A server's place in its broker group; the codes are QMQ's. */
public enum BrokerRole {
    MASTER(0, BrokerGroupKind.REALTIME, true),
    SLAVE(1, BrokerGroupKind.REALTIME, false),
    DELAY_MASTER(5, BrokerGroupKind.DELAY, true),
    DELAY_SLAVE(6, BrokerGroupKind.DELAY, false);

    private final int code;
    private final BrokerGroupKind kind;
    private final boolean master;

    BrokerRole(int code, BrokerGroupKind kind, boolean master) {
        this.code = code;
        this.kind = kind;
        this.master = master;
    }

    public int code() {
        return code;
    }

    public BrokerGroupKind kind() {
        return kind;
    }

    /** Only masters serve clients. */
    public boolean isMaster() {
        return master;
    }

    public static BrokerRole ofCode(int code) {
        for (BrokerRole role : values()) {
            if (role.code == code) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown broker role code " + code);
    }
}

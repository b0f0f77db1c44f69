package io.qmq.domain.cluster;

/** What a client asks the meta server for; the codes are QMQ's wire values. */
public enum ClientType {
    PRODUCER(1),
    CONSUMER(2),
    OTHER(3),
    DELAY_PRODUCER(4);

    private final int code;

    ClientType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static ClientType ofCode(int code) {
        for (ClientType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown client type code " + code);
    }

    /** The broker groups this kind of client is given: delay servers for delayed sends, realtime ones otherwise. */
    public BrokerGroupKind routesTo() {
        return this == DELAY_PRODUCER ? BrokerGroupKind.DELAY : BrokerGroupKind.REALTIME;
    }

    /** Whether a group in the given state is of use to this kind of client. */
    public boolean canUse(BrokerState state) {
        return this == CONSUMER ? state.isReadable() : state.isWritable();
    }
}

package io.qmq.domain.cluster;

/** What a broker group lets clients do; the codes are QMQ's wire values. */
public enum BrokerState {
    READ_WRITE(1, true, true),
    READ_ONLY(2, true, false),
    WRITE_ONLY(3, false, true),
    OFFLINE(4, false, false);

    private final int code;
    private final boolean readable;
    private final boolean writable;

    BrokerState(int code, boolean readable, boolean writable) {
        this.code = code;
        this.readable = readable;
        this.writable = writable;
    }

    public int code() {
        return code;
    }

    /** Consumers may pull from the group. */
    public boolean isReadable() {
        return readable;
    }

    /** Producers may send to the group. */
    public boolean isWritable() {
        return writable;
    }

    public static BrokerState ofCode(int code) {
        for (BrokerState state : values()) {
            if (state.code == code) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown broker state code " + code);
    }
}

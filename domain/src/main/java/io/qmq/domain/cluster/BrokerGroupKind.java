package io.qmq.domain.cluster;

/** Realtime brokers store and serve messages; delay servers hold messages until they are due. */
public enum BrokerGroupKind {
    REALTIME(1),
    DELAY(2);

    private final int code;

    BrokerGroupKind(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static BrokerGroupKind ofCode(int code) {
        for (BrokerGroupKind kind : values()) {
            if (kind.code == code) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown broker group kind code " + code);
    }
}

package io.qmq.domain.message;

/**
 * The flag byte every QMQ message carries.
 *
 * <p>Bit 0: low reliability (the server need not wait for replication). Bit 1: delay message, the
 * second time field is the due time. Bit 2: tags present. Other bits are zero.
 */
public record MessageFlags(byte bits) {

    public static final int LOW_RELIABILITY = 1;
    public static final int DELAY = 1 << 1;
    public static final int TAGS = 1 << 2;

    public static MessageFlags of(boolean delayed, boolean tagged) {
        return new MessageFlags((byte) ((delayed ? DELAY : 0) | (tagged ? TAGS : 0)));
    }

    public boolean isDelayed() {
        return (bits & DELAY) != 0;
    }

    public boolean hasTags() {
        return (bits & TAGS) != 0;
    }

    public boolean isLowReliability() {
        return (bits & LOW_RELIABILITY) != 0;
    }
}

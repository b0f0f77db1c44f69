package io.qmq.adapters.netty.codec;

/** QMQ's request codes (the header's {@code code} field of a request); the values are the wire's. */
public final class CommandCode {

    public static final int SEND_MESSAGE = 10;
    public static final int PULL_MESSAGE = 11;
    public static final int ACK_REQUEST = 12;
    /** A broker to the meta server: online, heartbeat or offline (server to server, §7.1). */
    public static final int BROKER_REGISTER = 30;
    public static final int CLIENT_REGISTER = 35;
    /**
     * Ours, not QMQ's: a delay server asks a realtime broker which messages it already stores
     * ({@link FindStoredRequestBody}). QMQ's command codes are all at most 100, so codes from 30,000 up
     * (still a positive i16) are left to requests between our own nodes. A stock broker answers this
     * one with UNKNOWN_CODE (3); it will never know more, so the asker takes that as "stores none".
     */
    public static final int FIND_STORED_MESSAGES = 30_001;

    /** Ours: a broker's backlogs to its meta server after each heartbeat ({@link BacklogReportRequestBody}). */
    public static final int BACKLOG_REPORT = 30_002;

    private CommandCode() {
    }
}

package io.qmq.adapters.netty.codec;

/** QMQ's request codes (the header's {@code code} field of a request); the values are the wire's. */
public final class CommandCode {

    public static final int SEND_MESSAGE = 10;
    public static final int PULL_MESSAGE = 11;
    public static final int ACK_REQUEST = 12;
    /** A broker to the meta server: online, heartbeat or offline (server to server, §7.1). */
    public static final int BROKER_REGISTER = 30;
    public static final int CLIENT_REGISTER = 35;

    private CommandCode() {
    }
}

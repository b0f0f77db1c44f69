package io.qmq.adapters.netty.codec;

/** QMQ's response codes (the header's {@code code} field of a response); the values are the wire's. */
public final class ResponseCode {

    public static final int SUCCESS = 0;
    public static final int UNKNOWN_CODE = 3;
    public static final int NO_MESSAGE = 4;
    public static final int BROKER_ERROR = 51;
    public static final int BROKER_REJECT = 52;
    public static final int PARAM_ERROR = 53;

    private ResponseCode() {
    }
}

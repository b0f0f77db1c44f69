package io.qmq.adapters.netty.client;

/**
 * What the producer does with one message after a broker's answer (per-message codes of §4.6 of the
 * protocol reference, and header-level failures).
 */
enum SendVerdict {
    /** Stored (or a duplicate of a stored message). */
    STORED,
    /** Refused for good: busy or blocked; not retried. */
    REFUSED,
    /** Try again on another pick of the route. */
    RETRY,
    /** The group is read-only: mark it unavailable, refresh the route, try again. */
    RETRY_ELSEWHERE;

    static final int SUCCESS = 0;
    static final int BROKER_BUSY = 1;
    static final int MESSAGE_DUPLICATE = 2;
    static final int BROKER_READ_ONLY = 4;
    static final int BLOCK = 5;
    static final String BUSY_REMARK = "broker busy";

    static SendVerdict ofMessageCode(int code, String remark) {
        return switch (code) {
            case SUCCESS, MESSAGE_DUPLICATE -> STORED;
            case BROKER_BUSY, BLOCK -> REFUSED;
            case BROKER_READ_ONLY -> RETRY_ELSEWHERE;
            default -> BUSY_REMARK.equals(remark) ? REFUSED : RETRY;
        };
    }
}

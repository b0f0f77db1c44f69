package io.qmq.adapters.netty.client;

/**
 * Keeps producers away from a broker group that stopped answering (§8.4): 100 consecutive transport
 * failures (no answer, not a refusal) open it for 5 seconds; then it lets requests through again, one
 * failure opens it once more and 20 successes close it. Times are passed in, in milliseconds.
 */
final class CircuitBreaker {

    static final int FAILURES_TO_OPEN = 100;
    static final int SUCCESSES_TO_CLOSE = 20;
    static final long OPEN_MILLIS = 5_000;

    private enum State { CLOSED, OPEN, HALF_OPEN }

    private State state = State.CLOSED;
    private int failures;
    private int successes;
    private long openedAt;

    synchronized boolean allows(long now) {
        if (state == State.OPEN && now - openedAt >= OPEN_MILLIS) {
            state = State.HALF_OPEN;
            successes = 0;
        }
        return state != State.OPEN;
    }

    synchronized void succeeded() {
        failures = 0;
        if (state == State.HALF_OPEN && ++successes >= SUCCESSES_TO_CLOSE) {
            state = State.CLOSED;
        }
    }

    synchronized void failed(long now) {
        if (state == State.HALF_OPEN || ++failures >= FAILURES_TO_OPEN) {
            state = State.OPEN;
            openedAt = now;
            failures = 0;
        }
    }
}

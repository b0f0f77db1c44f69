package io.qmq.bootstrap;

/** A node mode this build cannot run yet. */
public final class UnsupportedNodeModeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnsupportedNodeModeException(NodeMode mode) {
        super("node mode '" + mode.label() + "' is not yet supported; use --mode standalone, meta or broker");
    }
}

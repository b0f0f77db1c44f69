package io.qmq.acceptance.driver;

import java.nio.file.Path;

/** A child node process did not print its ready line. */
public final class NodeStartException extends RuntimeException {

    public NodeStartException(String why, Path log) {
        super(why + "; the node's output is in " + log);
    }
}

package io.qmq.bootstrap;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a node has started, closed in reverse order: servers stop accepting before the threads that
 * serve them stop, and those stop before the logs they write are flushed and closed. One part failing
 * to close does not keep the others open.
 */
final class ShutdownSequence {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownSequence.class);

    private record Part(String name, AutoCloseable resource) {
    }

    private final Deque<Part> started = new ArrayDeque<>();

    synchronized <T extends AutoCloseable> T started(String name, T resource) {
        started.push(new Part(name, resource));
        return resource;
    }

    /** Closes everything once; later calls do nothing. */
    synchronized void closeAll() {
        while (!started.isEmpty()) {
            Part part = started.pop();
            try {
                part.resource().close();
                LOG.debug("closed {}", part.name());
            } catch (Exception e) {
                // close() of AutoCloseable declares Exception; every failure is logged and shutdown goes on
                LOG.warn("closing {} failed", part.name(), e);
            }
        }
    }
}

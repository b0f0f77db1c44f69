package io.qmq.adapters.filestore;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/** What an open has opened so far, so that a failed open releases its files and lock again. */
final class OpenedFiles {

    private final Deque<Closeable> opened = new ArrayDeque<>();

    <T extends Closeable> T add(T closeable) {
        opened.push(closeable);
        return closeable;
    }

    /** Closes everything in reverse order, attaching close failures to the open's failure. */
    void closeAfter(Exception failure) {
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }
}

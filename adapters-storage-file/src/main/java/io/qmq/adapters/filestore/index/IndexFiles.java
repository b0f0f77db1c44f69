package io.qmq.adapters.filestore.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The open handles of per-subject index files: opened on first use, at most {@code maxOpen} at once,
 * the least recently used closed first. Open files therefore stay bounded however many subjects exist.
 *
 * <p>Any thread may use a handle. A handle closed under a user (evicted by another thread) makes the
 * operation fail with {@link ClosedChannelException}; it is then retried on a fresh handle, which is
 * safe because every index operation is a positional read, write or force.
 */
final class IndexFiles implements Closeable {

    private static final int ATTEMPTS = 3;

    /** One positional operation on an index file. */
    @FunctionalInterface
    interface FileOperation<T> {
        T apply(FileChannel channel) throws IOException;
    }

    private final Path dir;
    private final Map<String, FileChannel> open;

    IndexFiles(Path dir, int maxOpen) {
        this.dir = dir;
        this.open = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, FileChannel> eldest) {
                if (size() <= maxOpen) {
                    return false;
                }
                closeQuietly(eldest.getValue());
                return true;
            }
        };
    }

    /**
     * Runs the operation on the file's handle; when {@code create} is false and the file does not exist
     * (never written, or deleted by retention) it is not created and the result is null.
     */
    <T> T with(String fileName, boolean create, FileOperation<T> operation) throws IOException {
        for (int attempt = 1; ; attempt++) {
            FileChannel channel = acquire(fileName, create);
            if (channel == null) {
                return null;
            }
            try {
                return operation.apply(channel);
            } catch (ClosedByInterruptException e) {
                throw e;
            } catch (ClosedChannelException e) {
                if (attempt == ATTEMPTS) {
                    throw new IOException("index file " + dir.resolve(fileName) + " kept closing under use", e);
                }
            }
        }
    }

    private synchronized FileChannel acquire(String fileName, boolean create) throws IOException {
        FileChannel channel = open.get(fileName);
        if (channel == null || !channel.isOpen()) {
            Path file = dir.resolve(fileName);
            if (!create && !Files.exists(file)) {
                return null;
            }
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            open.put(fileName, channel);
        }
        return channel;
    }

    /**
     * Closes the file's handle and deletes it; true if it existed. A reader holding the handle at that
     * moment retries on a fresh lookup, which finds no file and reads holes.
     */
    synchronized boolean delete(String fileName) throws IOException {
        FileChannel channel = open.remove(fileName);
        if (channel != null) {
            channel.close();
        }
        return Files.deleteIfExists(dir.resolve(fileName));
    }

    synchronized int openCount() {
        return open.size();
    }

    @Override
    public void close() throws IOException {
        List<FileChannel> channels;
        synchronized (this) {
            channels = new ArrayList<>(open.values());
            open.clear();
        }
        for (FileChannel channel : channels) {
            channel.close();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // closing a handle we only evict cannot lose data: writes are already in the file
        }
    }
}

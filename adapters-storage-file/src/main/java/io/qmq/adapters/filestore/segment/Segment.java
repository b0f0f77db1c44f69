package io.qmq.adapters.filestore.segment;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One file of a segmented log, holding the log's bytes from {@link #base()} on. Files are never
 * preallocated: a segment is exactly as long as what was written to it.
 *
 * <p>Thread ownership: one writer appends and truncates; any thread reads with positional reads.
 * {@link #size()} is published after the bytes are written, so a reader never sees a size that
 * covers bytes not yet in the file.
 *
 * <p>A thread interrupted in the middle of a file operation closes the channel for everyone (a
 * property of {@link FileChannel}). The segment then reopens its file: the interrupted operation
 * fails, and operations of other threads caught by the close are retried once on the new channel,
 * which is safe because every operation is positional.
 */
public final class Segment implements Closeable {

    static final String SUFFIX = ".log";
    private static final int NAME_DIGITS = 20;

    private final Path path;
    private final long base;
    private volatile FileChannel channel;
    private volatile long size;
    private volatile boolean closed;

    /** One positional operation on the segment's file. */
    @FunctionalInterface
    private interface FileOperation<T> {
        T apply(FileChannel file) throws IOException;
    }

    private Segment(Path path, long base, FileChannel channel, long size) {
        this.path = path;
        this.base = base;
        this.channel = channel;
        this.size = size;
    }

    static Segment open(Path path) throws IOException {
        String name = path.getFileName().toString();
        long base = Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        return new Segment(path, base, channel, channel.size());
    }

    static Segment create(Path dir, long base) throws IOException {
        Path path = dir.resolve(fileName(base));
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        return new Segment(path, base, channel, 0);
    }

    static String fileName(long base) {
        return String.format("%0" + NAME_DIGITS + "d%s", base, SUFFIX);
    }

    static boolean isSegmentName(String name) {
        return name.length() == NAME_DIGITS + SUFFIX.length() && name.endsWith(SUFFIX)
                && name.chars().limit(NAME_DIGITS).allMatch(Character::isDigit);
    }

    public Path path() {
        return path;
    }

    public long base() {
        return base;
    }

    public long size() {
        return size;
    }

    /** The log position just past this segment's last byte. */
    public long end() {
        return base + size;
    }

    boolean contains(long position) {
        return position >= base && position < end();
    }

    /** Appends the buffer's remaining bytes; writer thread only. */
    void append(ByteBuffer buffer) throws IOException {
        int start = buffer.position();
        long written = withChannel(file -> {
            buffer.position(start);
            long at = size;
            while (buffer.hasRemaining()) {
                at += file.write(buffer, at);
            }
            return at;
        });
        size = written;
    }

    /** Fills {@code dst} from log position {@code position}; fails if the segment ends first. */
    void readFully(ByteBuffer dst, long position) throws IOException {
        int start = dst.position();
        withChannel(file -> {
            dst.position(start);
            long at = position - base;
            while (dst.hasRemaining()) {
                int read = file.read(dst, at);
                if (read < 0) {
                    throw new IOException("segment " + path + " ends at " + end() + " before position " + (base + at));
                }
                at += read;
            }
            return null;
        });
    }

    /** Cuts the segment at log position {@code position}; writer thread only. */
    void truncate(long position) throws IOException {
        withChannel(file -> file.truncate(position - base));
        size = position - base;
    }

    void force() throws IOException {
        withChannel(file -> {
            file.force(false);
            return null;
        });
    }

    void delete() throws IOException {
        close();
        Files.deleteIfExists(path);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        channel.close();
    }

    private <T> T withChannel(FileOperation<T> operation) throws IOException {
        FileChannel current = channel;
        try {
            return operation.apply(current);
        } catch (ClosedByInterruptException e) {
            reopen(current);
            throw e;
        } catch (ClosedChannelException e) {
            if (closed) {
                throw e;
            }
            return operation.apply(reopen(current));
        }
    }

    private synchronized FileChannel reopen(FileChannel dead) throws IOException {
        if (!closed && channel == dead && !dead.isOpen()) {
            channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        }
        return channel;
    }

    @Override
    public String toString() {
        return path.toString();
    }
}

package io.qmq.adapters.netty.replication;

import io.qmq.application.port.out.LogChunk;
import io.qmq.application.port.out.ReplicaChunkException;
import io.qmq.application.port.out.ReplicaDivergedException;
import io.qmq.application.port.out.ReplicaLog;
import io.qmq.application.port.out.ReplicaMark;
import io.qmq.application.port.out.ReplicationSource;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * A log of opaque bytes in memory, usable as a master's source or a slave's copy. The network tests
 * care that bytes arrive in order at the right positions; checking frames is the store's business.
 */
final class MemoryLog implements ReplicationSource, ReplicaLog {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    synchronized void write(byte[] more) {
        bytes.writeBytes(more);
        notifyAll();
    }

    synchronized byte[] content() {
        return bytes.toByteArray();
    }

    @Override
    public synchronized long committedEnd() {
        return bytes.size();
    }

    @Override
    public synchronized void verify(ReplicaMark replica) {
        if (replica.end() > bytes.size()) {
            throw new ReplicaDivergedException("the slave's copy ends at " + replica.end() + ", past the master's end " + bytes.size());
        }
    }

    @Override
    public synchronized LogChunk read(long position, int maxBytes, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (bytes.size() <= position && System.nanoTime() < deadline) {
            wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        byte[] all = bytes.toByteArray();
        int to = (int) Math.min(all.length, position + maxBytes);
        return new LogChunk(position, Arrays.copyOfRange(all, (int) Math.min(position, to), to), all.length);
    }

    @Override
    public synchronized ReplicaMark mark() {
        int end = bytes.size();
        return end == 0 ? ReplicaMark.empty() : new ReplicaMark(end, end - 1, 0);
    }

    @Override
    public synchronized CompletableFuture<ReplicaMark> append(LogChunk chunk) {
        if (chunk.position() != bytes.size()) {
            return CompletableFuture.failedFuture(new ReplicaChunkException("chunk at " + chunk.position()
                    + " but the copy ends at " + bytes.size()));
        }
        write(chunk.bytes());
        return CompletableFuture.completedFuture(mark());
    }
}

package io.qmq.application.service;

import io.qmq.application.port.in.ReplicationLag;
import io.qmq.application.port.out.LogChunk;
import io.qmq.application.port.out.ReplicationSource;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The master's record of its slave: how far the slave confirmed having the log, and the sends waiting
 * for that (sync mode). The slave confirms a position by asking for the bytes after it, so each fetch is
 * an acknowledgement; a waiting send completes as soon as a confirmation covers its position, or fails
 * after {@code syncTimeout}, which also forgets it (a dead slave must not grow this map).
 *
 * <p>Lag in time: when a chunk is served the master notes its own end and the time; once the slave
 * confirms that end, it had everything the master had at that time, so it is behind by at most the time
 * since. Under steady load that is one round trip; a slave that falls behind sees it grow.
 *
 * <p>Thread-safe: network threads confirm and serve, producers' threads wait, metrics scrapes read.
 */
public final class ReplicaAcks {

    private final ReplicationSource source;
    private final Clock clock;
    private final Duration syncTimeout;
    private final NavigableMap<Long, List<CompletableFuture<Void>>> waiting = new TreeMap<>();
    private final AtomicLong syncTimeouts = new AtomicLong();
    private long confirmed = -1;
    private long caughtUpAt;
    private long servedEnd = -1;
    private long servedAt;
    private int slaves;

    public ReplicaAcks(ReplicationSource source, Clock clock, Duration syncTimeout) {
        if (syncTimeout.isNegative() || syncTimeout.isZero()) {
            throw new IllegalArgumentException("replication sync timeout must be positive, got " + syncTimeout);
        }
        this.source = source;
        this.clock = clock;
        this.syncTimeout = syncTimeout;
        this.caughtUpAt = clock.millis();
    }

    public synchronized void slaveConnected() {
        slaves++;
    }

    public synchronized void slaveDisconnected() {
        slaves = Math.max(0, slaves - 1);
    }

    /** The slave has every byte before {@code position}; releases the sends it covers. */
    public void slaveReached(long position) {
        List<CompletableFuture<Void>> released = new ArrayList<>();
        synchronized (this) {
            confirmed = position;
            if (servedEnd >= 0 && position >= servedEnd) {
                caughtUpAt = servedAt;
            }
            Map<Long, List<CompletableFuture<Void>>> covered = waiting.headMap(position, true);
            covered.values().forEach(released::addAll);
            covered.clear();
        }
        released.forEach(f -> f.complete(null));
    }

    /** A chunk is on its way to the slave. */
    public synchronized void served(LogChunk chunk) {
        servedEnd = chunk.masterEnd();
        servedAt = clock.millis();
        if (confirmed >= chunk.masterEnd()) {
            caughtUpAt = servedAt;
        }
    }

    /**
     * Completes once the slave confirmed every byte before {@code position}; fails with a
     * {@link TimeoutException} after the sync timeout.
     */
    public CompletableFuture<Void> awaitSlave(long position) {
        CompletableFuture<Void> reached = new CompletableFuture<>();
        synchronized (this) {
            if (confirmed >= position) {
                return CompletableFuture.completedFuture(null);
            }
            waiting.computeIfAbsent(position, p -> new ArrayList<>(1)).add(reached);
        }
        reached.orTimeout(syncTimeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((ok, failure) -> {
            if (failure != null) {
                syncTimeouts.incrementAndGet();
                forget(position, reached);
            }
        });
        return reached;
    }

    public Duration syncTimeout() {
        return syncTimeout;
    }

    /** How far the slave is behind now. */
    public ReplicationLag replicationLag() {
        long end = source.committedEnd();
        synchronized (this) {
            long bytes = Math.max(0, end - Math.max(confirmed, 0));
            Duration behind = bytes == 0 ? Duration.ZERO : Duration.ofMillis(Math.max(0, clock.millis() - caughtUpAt));
            return new ReplicationLag(slaves, bytes, behind, syncTimeouts.get());
        }
    }

    private synchronized void forget(long position, CompletableFuture<Void> future) {
        List<CompletableFuture<Void>> atPosition = waiting.get(position);
        if (atPosition != null && atPosition.remove(future) && atPosition.isEmpty()) {
            waiting.remove(position);
        }
    }

    /** Sends waiting for the slave (tests and diagnostics). */
    synchronized int waitingSends() {
        return waiting.values().stream().mapToInt(List::size).sum();
    }
}

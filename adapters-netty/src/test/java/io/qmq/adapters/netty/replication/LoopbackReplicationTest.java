package io.qmq.adapters.netty.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.qmq.adapters.netty.ReplicationServer;
import io.qmq.adapters.netty.ReplicationServerConfig;
import io.qmq.application.service.ReplicaAcks;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A slave client and a master server on loopback, over logs in memory. */
class LoopbackReplicationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final MemoryLog master = new MemoryLog();
    private final MemoryLog slave = new MemoryLog();
    private final ReplicaAcks acks = new ReplicaAcks(master, Clock.systemUTC(), Duration.ofSeconds(5));
    private final CompletableFuture<String> fatal = new CompletableFuture<>();
    private final List<byte[]> saved = new CopyOnWriteArrayList<>();
    private ReplicationServer server;
    private ReplicationClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theSlaveCopiesWhatTheMasterHasAndFollowsNewWritesConfirmingThem() {
        master.write(bytes(5_000, 1));
        server = startServer(0, "group-a");
        client = startClient("group-a", server.port(), 1_000);

        await().atMost(PATIENCE).until(() -> slave.committedEnd() == 5_000);
        master.write(bytes(300, 2));
        CompletableFuture<Void> syncSend = acks.awaitSlave(master.committedEnd());

        await().atMost(PATIENCE).until(syncSend::isDone);
        assertThat(slave.content()).isEqualTo(master.content());
        assertThat(syncSend).isCompleted();
        assertThat(client.isConnected()).isTrue();
    }

    @Test
    void theMastersConsumerProgressIsKeptOnlyOnceTheCopyHoldsWhatItRefersTo() {
        master.write(bytes(3_000, 7));
        server = startServer(0, "group-a");
        client = startClient("group-a", server.port(), 500);

        await().atMost(PATIENCE).until(() -> !saved.isEmpty() && progressEnd(saved.get(saved.size() - 1)) == 3_000);
        assertThat(saved).allMatch(progress -> progressEnd(progress) <= slave.committedEnd());
    }

    /** The fake progress is the master's log end when it was taken, so the test can tell what it needs. */
    private static byte[] progressOf(MemoryLog log) {
        return ByteBuffer.allocate(Long.BYTES).putLong(log.committedEnd()).array();
    }

    private static long progressEnd(byte[] progress) {
        return ByteBuffer.wrap(progress).getLong();
    }

    @Test
    void theSlaveReconnectsAfterTheMasterRestartsAndResumesFromItsOwnEnd() {
        master.write(bytes(2_000, 3));
        server = startServer(0, "group-a");
        int port = server.port();
        client = startClient("group-a", port, 700);
        await().atMost(PATIENCE).until(() -> slave.committedEnd() == 2_000);

        server.close();
        master.write(bytes(1_500, 4));
        server = startServer(port, "group-a");

        await().atMost(PATIENCE).until(() -> slave.committedEnd() == 3_500);
        assertThat(slave.content()).isEqualTo(master.content());
        assertThat(fatal).isNotDone();
    }

    @Test
    void aSlaveAheadOfItsMasterStopsWithTheReason() {
        slave.write(bytes(100, 5));
        master.write(bytes(10, 6));
        server = startServer(0, "group-a");
        client = startClient("group-a", server.port(), 1_000);

        assertThat(fatal).succeedsWithin(PATIENCE).asString().contains("past the master's end");
        assertThat(client.failure()).isPresent();
        assertThat(slave.committedEnd()).isEqualTo(100);
    }

    @Test
    void aSlaveOfAnotherGroupStops() {
        server = startServer(0, "group-a");
        client = startClient("group-b", server.port(), 1_000);

        assertThat(fatal).succeedsWithin(PATIENCE).asString().contains("group-b");
    }

    private ReplicationServer startServer(int port, String group) {
        return new ReplicationServer(new ReplicationServerConfig("127.0.0.1", port, group, Duration.ofMillis(100),
                Duration.ofSeconds(5), Duration.ofMillis(50)), master, acks, () -> progressOf(master)).start();
    }

    private ReplicationClient startClient(String group, int port, int chunkBytes) {
        ReplicationClientConfig config = new ReplicationClientConfig(group, "127.0.0.1", port, chunkBytes,
                Duration.ofMillis(100), Duration.ofSeconds(5));
        return new ReplicationClient(config, slave, saved::add, fatal::complete).start();
    }

    private static byte[] bytes(int count, int seed) {
        byte[] bytes = new byte[count];
        new java.util.Random(seed).nextBytes(bytes);
        return bytes;
    }
}

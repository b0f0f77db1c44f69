package io.qmq.adapters.netty.replication;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.qmq.adapters.netty.codec.LeakReportsFail;
import io.qmq.application.port.out.LogChunk;
import io.qmq.application.port.out.ReplicaMark;
import io.qmq.application.service.ReplicaAcks;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LeakReportsFail.class)
class MasterReplicationHandlerTest {

    private final MemoryLog master = new MemoryLog();
    private final ReplicaAcks acks = new ReplicaAcks(master, Clock.systemUTC(), Duration.ofSeconds(5));
    private final EmbeddedChannel channel = new EmbeddedChannel(new ReplicationCodec.Decoder(), new ReplicationCodec.Encoder(),
            new MasterReplicationHandler("group-a", master, acks, Runnable::run, Duration.ZERO, () -> new byte[] {42},
                    Duration.ofHours(1)));

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    @Test
    void aFetchIsAnsweredWithTheBytesAfterTheSlavesEndAndConfirmsWhatCameBefore() {
        master.write(new byte[] {1, 2, 3, 4, 5, 6});
        CompletableFuture<Void> syncSend = acks.awaitSlave(4);
        ProgressCopy progress = (ProgressCopy) exchange(new Fetch("group-a", new ReplicaMark(4, 3, 0), 100));
        assertThat(progress.logPosition()).isEqualTo(6);
        assertThat(progress.snapshot()).containsExactly(42);

        Object answer = decode(channel.readOutbound());
        assertThat(exchange(new Fetch("group-a", new ReplicaMark(6, 5, 0), 100))).isInstanceOf(LogChunk.class);

        assertThat(answer).isInstanceOf(LogChunk.class);
        assertThat(((LogChunk) answer).position()).isEqualTo(4);
        assertThat(((LogChunk) answer).bytes()).containsExactly(5, 6);
        assertThat(syncSend).isCompleted();
        assertThat(acks.replicationLag().slaves()).isOne();
    }

    @Test
    void aSlaveOfAnotherGroupIsRefusedForGood() {
        Object answer = exchange(new Fetch("group-b", ReplicaMark.empty(), 100));

        assertThat(answer).isEqualTo(new Refusal(true, "a slave of broker group group-b asked the master of group group-a: "
                + "check broker.group and broker.replication.master"));
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aSlaveAheadOfItsMasterIsRefusedForGoodAndConfirmsNothing() {
        master.write(new byte[] {1, 2});
        CompletableFuture<Void> syncSend = acks.awaitSlave(2);

        Object answer = exchange(new Fetch("group-a", new ReplicaMark(10, 9, 0), 100));

        assertThat(answer).isInstanceOf(Refusal.class);
        assertThat(((Refusal) answer).fatal()).isTrue();
        assertThat(((Refusal) answer).reason()).contains("past the master's end");
        assertThat(syncSend).isNotDone();
    }

    private Object exchange(Object request) {
        ByteBuf frame = Unpooled.buffer();
        ReplicationFrames.encode(request, frame);
        channel.writeInbound(frame);
        return decode(channel.readOutbound());
    }

    private static Object decode(ByteBuf out) {
        try {
            out.skipBytes(ReplicationFrames.LENGTH_BYTES);
            return ReplicationFrames.decode(out);
        } finally {
            out.release();
        }
    }
}

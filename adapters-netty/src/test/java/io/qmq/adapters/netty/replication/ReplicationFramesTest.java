package io.qmq.adapters.netty.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.qmq.adapters.netty.codec.LeakReportsFail;
import io.qmq.application.port.out.LogChunk;
import io.qmq.application.port.out.ReplicaMark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LeakReportsFail.class)
class ReplicationFramesTest {

    private final EmbeddedChannel channel = new EmbeddedChannel(new ReplicationCodec.Decoder(), new ReplicationCodec.Encoder());

    @Test
    void everyMessageSurvivesTheRoundTrip() {
        Fetch fetch = new Fetch("group-a", new ReplicaMark(4_096, 4_000, 0xCAFE), 1 << 20);
        LogChunk chunk = new LogChunk(4_096, new byte[] {1, 2, 3, 4, 5}, 9_000);
        Refusal refusal = new Refusal(true, "the copies diverged");

        assertThat(roundTrip(fetch)).isEqualTo(fetch);
        LogChunk back = (LogChunk) roundTrip(chunk);
        assertThat(back.position()).isEqualTo(4_096);
        assertThat(back.masterEnd()).isEqualTo(9_000);
        assertThat(back.bytes()).containsExactly(1, 2, 3, 4, 5);
        assertThat(roundTrip(refusal)).isEqualTo(refusal);
        ProgressCopy progress = (ProgressCopy) roundTrip(new ProgressCopy(77, new byte[] {9, 8}));
        assertThat(progress.logPosition()).isEqualTo(77);
        assertThat(progress.snapshot()).containsExactly(9, 8);
    }

    @Test
    void aFrameArrivingInPiecesIsDecodedOnceWholeAndATruncatedOneNever() {
        ByteBuf frame = encoded(new LogChunk(0, new byte[300], 300));
        int half = frame.readableBytes() / 2;

        assertThat(channel.writeInbound(frame.retainedSlice(0, half))).isFalse();
        assertThat((Object) channel.readInbound()).isNull();
        assertThat(channel.writeInbound(frame.retainedSlice(half, frame.readableBytes() - half))).isTrue();
        assertThat(((LogChunk) channel.readInbound()).bytes()).hasSize(300);
        frame.release();
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void aFrameDamagedInTransitIsRefusedByItsChecksum() {
        ByteBuf frame = encoded(new LogChunk(0, new byte[] {7, 7, 7, 7}, 4));
        int last = frame.writerIndex() - 1;
        frame.setByte(last, frame.getByte(last) ^ 0x01);

        assertThatThrownBy(() -> channel.writeInbound(frame))
                .isInstanceOf(DecoderException.class).hasMessageContaining("checksum");
        channel.finishAndReleaseAll();
    }

    private Object roundTrip(Object message) {
        channel.writeInbound(encoded(message));
        return channel.readInbound();
    }

    private static ByteBuf encoded(Object message) {
        ByteBuf out = Unpooled.buffer();
        ReplicationFrames.encode(message, out);
        return out;
    }
}

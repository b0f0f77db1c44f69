package io.qmq.adapters.netty.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.CorruptedFrameException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LeakReportsFail.class)
class FrameDecoderTest {

    private static final int LIMIT = 64;
    private final EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(LIMIT));

    @AfterEach
    void release() {
        channel.finishAndReleaseAll();
    }

    private static byte[] frame(int opaque, int bodyLength) {
        ByteBuf buf = Unpooled.buffer();
        FrameEncoder.writePrefix(buf, FrameHeader.request(CommandCode.PULL_MESSAGE, 9, opaque), bodyLength);
        for (int i = 0; i < bodyLength; i++) {
            buf.writeByte(i);
        }
        byte[] bytes = io.netty.buffer.ByteBufUtil.getBytes(buf);
        buf.release();
        return bytes;
    }

    @Test
    void assemblesAFrameDeliveredOneByteAtATime() {
        byte[] bytes = frame(5, 10);
        for (byte b : bytes) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }

        Frame frame = channel.readInbound();
        assertThat(frame.header().opaque()).isEqualTo(5);
        assertThat(frame.body().readableBytes()).isEqualTo(10);
        assertThat(frame.body().getByte(9)).isEqualTo((byte) 9);
        frame.release();
    }

    @Test
    void splitsFramesThatArriveTogether() {
        channel.writeInbound(Unpooled.wrappedBuffer(frame(1, 0), frame(2, 3)));

        Frame first = channel.readInbound();
        Frame second = channel.readInbound();
        assertThat(first.header().opaque()).isEqualTo(1);
        assertThat(first.body().readableBytes()).isZero();
        assertThat(second.header().opaque()).isEqualTo(2);
        first.release();
        second.release();
    }

    @Test
    void skipsAnOversizedFrameWithoutLosingStepAndReportsItsHeader() {
        byte[] big = frame(3, LIMIT);
        channel.writeInbound(Unpooled.wrappedBuffer(big, 0, 30));
        channel.writeInbound(Unpooled.wrappedBuffer(big, 30, big.length - 30));
        channel.writeInbound(Unpooled.wrappedBuffer(frame(4, 2)));

        RejectedFrame rejected = channel.readInbound();
        assertThat(rejected.header().opaque()).isEqualTo(3);
        assertThat(rejected.reason()).contains("exceeds the limit");
        Frame next = channel.readInbound();
        assertThat(next.header().opaque()).isEqualTo(4);
        next.release();
    }

    @Test
    void refusesABadMagicBeforeTheFrameIsComplete() {
        byte[] bytes = frame(1, 40);
        bytes[7] = 0;

        assertThatThrownBy(() -> channel.writeInbound(Unpooled.wrappedBuffer(bytes, 0, 12)))
                .isInstanceOf(CorruptedFrameException.class).hasMessageContaining("magic");
        channel.writeInbound(Unpooled.wrappedBuffer(frame(2, 0)));
        assertThat((Object) channel.readInbound()).as("nothing after corruption").isNull();
    }

    @Test
    void refusesAHeaderSizeOtherThan18() {
        byte[] bytes = frame(1, 0);
        bytes[5] = 17;

        assertThatThrownBy(() -> channel.writeInbound(Unpooled.wrappedBuffer(bytes)))
                .isInstanceOf(CorruptedFrameException.class).hasMessageContaining("header size 17");
    }

    @Test
    void refusesATotalTooSmallForAHeader() {
        assertThatThrownBy(() -> channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 19})))
                .isInstanceOf(CorruptedFrameException.class).hasMessageContaining("below the minimum");
    }
}

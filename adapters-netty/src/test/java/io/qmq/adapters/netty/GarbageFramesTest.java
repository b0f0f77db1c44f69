package io.qmq.adapters.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.qmq.adapters.netty.codec.AckRequestBody;
import io.qmq.adapters.netty.codec.CommandCode;
import io.qmq.adapters.netty.codec.FrameHeader;
import io.qmq.adapters.netty.codec.HexDump;
import io.qmq.adapters.netty.codec.LeakReportsFail;
import io.qmq.adapters.netty.codec.ProtocolExamples;
import io.qmq.adapters.netty.codec.ResponseCode;
import io.qmq.application.port.in.PullResult;
import io.qmq.domain.message.Message;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad bytes on one connection of a real server: the connection is closed, or answered 51 where the
 * frame boundary survives, with one WARN line; a well-behaved connection opened before keeps working
 * and nothing is stored from a bad frame.
 */
@ExtendWith(LeakReportsFail.class)
class GarbageFramesTest {

    private static final int MAX_FRAME_BYTES = 16 * 1024;

    private final List<Message> stored = new CopyOnWriteArrayList<>();
    private final WarningLog warnings = new WarningLog();
    private final BrokerServer server = new BrokerServer(
            new BrokerServerConfig("127.0.0.1", 0, MAX_FRAME_BYTES, Duration.ofSeconds(180), 2),
            command -> {
                stored.addAll(command.messages());
                return CompletableFuture.completedFuture(List.of());
            },
            command -> CompletableFuture.completedFuture(PullResult.EMPTY),
            command -> { }).start();

    @AfterEach
    void stop() {
        server.close();
        warnings.close();
    }

    @Test
    void corruptStreamsAreClosedWithOneWarningWhileAnotherConnectionKeepsWorking() throws IOException {
        byte[] ack = HexDump.bytes(ProtocolExamples.ACK_FRAME);
        byte[] wrongMagic = ack.clone();
        wrongMagic[9] = 0x00;
        byte[] headerSize17 = ack.clone();
        headerSize17[5] = 17;
        byte[] random = new byte[256];
        new Random(20_260_101L).nextBytes(random);
        byte[] tooShort = {0, 0, 0, 5, 1, 2, 3, 4, 5};

        try (WireSocket healthy = new WireSocket(server.port())) {
            for (byte[] garbage : List.of(random, wrongMagic, headerSize17, tooShort)) {
                try (WireSocket bad = new WireSocket(server.port())) {
                    bad.send(garbage);
                    assertThat(bad.closedByServerWithin(Duration.ofSeconds(5))).as("closed after %s", Arrays.toString(garbage)).isTrue();
                }
                assertThat(warnings.drain()).singleElement().asString().contains("127.0.0.1");
                assertHealthy(healthy);
            }
        }
        assertThat(stored).isEmpty();
    }

    @Test
    void oversizedFrameIsAnswered51AndSkippedSoTheSameConnectionGoesOn() throws IOException {
        try (WireSocket client = new WireSocket(server.port())) {
            client.send(FrameHeader.request(CommandCode.SEND_MESSAGE, 9, 66), body -> body.writeZero(MAX_FRAME_BYTES));

            WireSocket.Reply reply = client.read();
            assertThat(reply.header().code()).isEqualTo(ResponseCode.BROKER_ERROR);
            assertThat(reply.header().opaque()).isEqualTo(66);
            assertThat(warnings.drain()).singleElement().asString().contains("exceeds");
            assertHealthy(client);
        }
        assertThat(stored).isEmpty();
    }

    @Test
    void sendWhoseBodyDoesNotParseStoresNothingAndIsAnswered51() throws IOException {
        byte[] send = HexDump.bytes(ProtocolExamples.SEND_FRAME);
        byte[] twoRecords = new byte[send.length + send.length - 24 - 3];
        System.arraycopy(send, 0, twoRecords, 0, send.length);
        System.arraycopy(send, 24, twoRecords, send.length, send.length - 24 - 3);
        int total = twoRecords.length - 4;
        twoRecords[2] = (byte) (total >> 8);
        twoRecords[3] = (byte) total;

        try (WireSocket client = new WireSocket(server.port())) {
            client.send(twoRecords);

            assertThat(client.read().header().code()).isEqualTo(ResponseCode.BROKER_ERROR);
            assertThat(warnings.drain()).singleElement().asString().contains("127.0.0.1");
            assertHealthy(client);
        }
        assertThat(stored).isEmpty();
    }

    @Test
    void truncatedFrameLeftHangingDoesNotDisturbOthers() throws IOException {
        byte[] send = HexDump.bytes(ProtocolExamples.SEND_FRAME);
        try (WireSocket hanging = new WireSocket(server.port()); WireSocket healthy = new WireSocket(server.port())) {
            hanging.send(Arrays.copyOf(send, 40));

            assertHealthy(healthy);
            assertThat(hanging.closedByServerWithin(Duration.ofMillis(300))).isFalse();
        }
        assertThat(stored).isEmpty();
        assertThat(warnings.drain()).isEmpty();
    }

    private static void assertHealthy(WireSocket client) throws IOException {
        client.send(FrameHeader.request(CommandCode.ACK_REQUEST, 9, 5), new AckRequestBody("s", "g", "c", -1, -1, false)::encode);
        WireSocket.Reply reply = client.read();
        assertThat(reply.header()).isEqualTo(new FrameHeader(ResponseCode.SUCCESS, 9, 5, 1, CommandCode.ACK_REQUEST));
    }
}

package io.qmq.adapters.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBufUtil;
import io.qmq.adapters.netty.codec.AckRequestBody;
import io.qmq.adapters.netty.codec.CommandCode;
import io.qmq.adapters.netty.codec.FrameHeader;
import io.qmq.adapters.netty.codec.HexDump;
import io.qmq.adapters.netty.codec.LeakReportsFail;
import io.qmq.adapters.netty.codec.ProtocolExamples;
import io.qmq.adapters.netty.codec.PullRequestBody;
import io.qmq.adapters.netty.codec.ResponseCode;
import io.qmq.application.port.in.AckCommand;
import io.qmq.application.port.in.PullCommand;
import io.qmq.application.port.in.PullResult;
import io.qmq.application.port.in.SendResult;
import io.qmq.domain.message.Message;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A real broker server on loopback, driven through a plain socket, with lambda use cases. */
@ExtendWith(LeakReportsFail.class)
class BrokerServerTest {

    private final List<Message> stored = new CopyOnWriteArrayList<>();
    private final List<AckCommand> acks = new CopyOnWriteArrayList<>();

    private BrokerServer server = start(Duration.ofSeconds(180));

    private BrokerServer start(Duration idle) {
        return new BrokerServer(new BrokerServerConfig("127.0.0.1", 0, 64 * 1024, idle, 1),
                command -> {
                    stored.addAll(command.messages());
                    return CompletableFuture.completedFuture(
                            command.messages().stream().map(m -> SendResult.stored(m.id())).toList());
                },
                this::pull,
                acks::add).start();
    }

    /** Consumers named "slow" are answered after a delay, to show out-of-order answers. */
    private CompletableFuture<PullResult> pull(PullCommand command) {
        PullResult result = stored.isEmpty() ? PullResult.EMPTY : new PullResult(0, List.copyOf(stored));
        if (command.consumer().id().value().equals("slow")) {
            return CompletableFuture.supplyAsync(() -> result,
                    CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
        }
        return CompletableFuture.completedFuture(result);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void sendPullAndAckTheExamplesOverARealSocket() throws IOException {
        try (WireSocket client = new WireSocket(server.port())) {
            client.send(HexDump.bytes(ProtocolExamples.SEND_FRAME));
            WireSocket.Reply sent = client.read();
            assertThat(sent.header()).isEqualTo(new FrameHeader(ResponseCode.SUCCESS, 9, 7, 1, CommandCode.SEND_MESSAGE));
            assertThat(sent.body()).isEmpty();

            client.send(HexDump.bytes(ProtocolExamples.PULL_REQUEST));
            WireSocket.Reply pulled = client.read();
            assertThat(ByteBufUtil.hexDump(pulled.body())).isEqualTo(HexDump.hex(ProtocolExamples.PULL_RESPONSE).substring(48));
            assertThat(pulled.header().opaque()).isEqualTo(8);

            client.send(HexDump.bytes(ProtocolExamples.ACK_FRAME));
            assertThat(client.read().header()).isEqualTo(new FrameHeader(ResponseCode.SUCCESS, 9, 9, 1, CommandCode.ACK_REQUEST));
            assertThat(acks).hasSize(1);
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredAsTheyCompleteWithTheirOwnOpaque() throws IOException {
        try (WireSocket client = new WireSocket(server.port())) {
            client.send(FrameHeader.request(CommandCode.PULL_MESSAGE, 9, 100), pull("slow")::encode);
            client.send(FrameHeader.request(CommandCode.PULL_MESSAGE, 9, 101), pull("fast")::encode);

            assertThat(client.read().header().opaque()).isEqualTo(101);
            WireSocket.Reply slow = client.read();
            assertThat(slow.header().opaque()).isEqualTo(100);
            assertThat(slow.header().code()).isEqualTo(ResponseCode.NO_MESSAGE);
        }
    }

    @Test
    void silentConnectionIsClosedAfterTheIdleTime() throws IOException {
        server.close();
        server = start(Duration.ofMillis(300));
        try (WireSocket client = new WireSocket(server.port())) {
            client.send(FrameHeader.request(CommandCode.ACK_REQUEST, 9, 1),
                    new AckRequestBody("s", "g", "c", -1, -1, false)::encode);
            assertThat(client.read().header().code()).isZero();

            assertThat(client.closedByServerWithin(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void closedServerNoLongerAccepts() {
        int port = server.port();
        server.close();

        assertThatThrownBy(() -> new WireSocket(port).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void secondServerOnATakenPortFailsToStart() {
        BrokerServer clash = new BrokerServer(BrokerServerConfig.listeningOn("127.0.0.1", server.port()),
                command -> null, command -> null, command -> { });
        try {
            assertThatThrownBy(clash::start).isInstanceOf(ServerStartException.class)
                    .hasMessageContaining(String.valueOf(server.port()));
        } finally {
            clash.close();
        }
    }

    private static PullRequestBody pull(String consumerId) {
        return new PullRequestBody("s", "g", consumerId, 10, -1, -1, -1, 1000, false, List.of());
    }
}

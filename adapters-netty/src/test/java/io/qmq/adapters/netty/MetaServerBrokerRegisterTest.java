package io.qmq.adapters.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.qmq.adapters.netty.codec.BrokerRegisterRequestBody;
import io.qmq.adapters.netty.codec.CommandCode;
import io.qmq.adapters.netty.codec.FrameHeader;
import io.qmq.adapters.netty.codec.LeakReportsFail;
import io.qmq.adapters.netty.codec.ResponseCode;
import io.qmq.application.port.in.RegisterBrokerUseCase;
import io.qmq.application.port.in.RouteAnswer;
import io.qmq.domain.cluster.BrokerGroup;
import io.qmq.domain.cluster.BrokerGroupKind;
import io.qmq.domain.cluster.BrokerState;
import io.qmq.domain.cluster.GroupSlave;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** BROKER_REGISTER (30) on a real meta server: what is recorded and what the broker is told. */
@ExtendWith(LeakReportsFail.class)
class MetaServerBrokerRegisterTest {

    private static final long NOW = 1_700_000_000_000L;

    private final List<BrokerGroup> registered = new CopyOnWriteArrayList<>();
    private final List<GroupSlave> slaves = new CopyOnWriteArrayList<>();
    private final MetaServer server = new MetaServer(new MetaServerConfig("127.0.0.1", 0, 0, "127.0.0.1"),
            command -> new RouteAnswer(1L, true, List.of()), new RegisterBrokerUseCase() {
                @Override
                public BrokerState register(BrokerGroup group) {
                    registered.add(group);
                    return group.name().equals("marked") ? BrokerState.READ_ONLY : group.state();
                }

                @Override
                public BrokerState registerSlave(GroupSlave slave) {
                    slaves.add(slave);
                    return slave.state();
                }
            }, Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC)).start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void onlineMasterIsRecordedWithTheMetaServersClock() throws IOException {
        WireSocket.Reply reply = send(new BrokerRegisterRequestBody(0, "a", "10.0.0.1:20881", 0, 1));

        assertThat(reply.header()).isEqualTo(new FrameHeader(ResponseCode.SUCCESS, 9, 4, 1, CommandCode.BROKER_REGISTER));
        assertThat(reply.body()).containsExactly(1);
        assertThat(registered).containsExactly(
                new BrokerGroup("a", BrokerGroupKind.REALTIME, "10.0.0.1:20881", BrokerState.READ_WRITE, NOW));
    }

    @Test
    void delayMasterRegistersADelayGroup() throws IOException {
        send(new BrokerRegisterRequestBody(1, "d", "10.0.0.2:20801", 5, 1));

        assertThat(registered).extracting(BrokerGroup::kind).containsExactly(BrokerGroupKind.DELAY);
    }

    @Test
    void brokerIsToldTheStateTheMetaServerWants() throws IOException {
        assertThat(send(new BrokerRegisterRequestBody(1, "marked", "10.0.0.1:20881", 0, 1)).body()).containsExactly(2);
    }

    @Test
    void offlineIsRecordedAsOfflineWhateverStateItCarries() throws IOException {
        WireSocket.Reply reply = send(new BrokerRegisterRequestBody(2, "a", "10.0.0.1:20881", 0, 1));

        assertThat(reply.body()).containsExactly(4);
        assertThat(registered).extracting(BrokerGroup::state).containsExactly(BrokerState.OFFLINE);
    }

    @Test
    void aSlaveIsKeptBesideItsGroupButNeverRecordedAsTheGroup() throws IOException {
        WireSocket.Reply reply = send(new BrokerRegisterRequestBody(1, "a", "10.0.0.3:20881", 1, 1));
        send(new BrokerRegisterRequestBody(2, "a", "10.0.0.3:20881", 1, 1));

        assertThat(reply.header().code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(reply.body()).containsExactly(1);
        assertThat(registered).isEmpty();
        assertThat(slaves).containsExactly(new GroupSlave("a", "10.0.0.3:20881", BrokerState.READ_WRITE, NOW),
                new GroupSlave("a", "10.0.0.3:20881", BrokerState.OFFLINE, NOW));
    }

    @Test
    void aBackupIsAnsweredButNotRecorded() throws IOException {
        WireSocket.Reply reply = send(new BrokerRegisterRequestBody(1, "a", "10.0.0.4:20881", 4, 1));

        assertThat(reply.header().code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(registered).isEmpty();
        assertThat(slaves).isEmpty();
    }

    @Test
    void invalidValuesAreRefusedWithOneWarningEach() throws IOException {
        try (WarningLog warnings = new WarningLog()) {
            assertThat(send(new BrokerRegisterRequestBody(0, "a", "no-port", 0, 1)).header().code()).isEqualTo(ResponseCode.BROKER_ERROR);
            assertThat(send(new BrokerRegisterRequestBody(0, "a", "h:1", 0, 9)).header().code()).isEqualTo(ResponseCode.BROKER_ERROR);
            assertThat(send(new BrokerRegisterRequestBody(7, "a", "h:1", 0, 1)).header().code()).isEqualTo(ResponseCode.BROKER_ERROR);

            assertThat(warnings.drain()).hasSize(3).allMatch(line -> line.startsWith("refusing broker registration"));
        }
        assertThat(registered).isEmpty();
    }

    private WireSocket.Reply send(BrokerRegisterRequestBody request) throws IOException {
        try (WireSocket broker = new WireSocket(server.port())) {
            broker.send(FrameHeader.request(CommandCode.BROKER_REGISTER, 9, 4), request::encode);
            return broker.read();
        }
    }
}

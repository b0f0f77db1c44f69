package io.qmq.adapters.netty.handler;

import static io.qmq.adapters.netty.codec.HexDump.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.qmq.adapters.netty.codec.ClientRegisterRequestBody;
import io.qmq.adapters.netty.codec.CommandCode;
import io.qmq.adapters.netty.codec.Frame;
import io.qmq.adapters.netty.codec.FrameHeader;
import io.qmq.adapters.netty.codec.LeakReportsFail;
import io.qmq.adapters.netty.codec.MetaInfoResponseBody;
import io.qmq.adapters.netty.codec.ProtocolExamples;
import io.qmq.adapters.netty.codec.ResponseCode;
import io.qmq.application.port.in.RegisterClientCommand;
import io.qmq.application.port.in.RouteAnswer;
import io.qmq.domain.cluster.BrokerGroup;
import io.qmq.domain.cluster.BrokerGroupKind;
import io.qmq.domain.cluster.BrokerState;
import io.qmq.domain.cluster.ClientType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LeakReportsFail.class)
class ClientRegisterHandlingTest {

    private static final long STAMP = 1_700_000_000_000L;
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(1_234L), ZoneOffset.UTC);

    private final List<RegisterClientCommand> registrations = new ArrayList<>();
    private RuntimeException failure;

    private final BrokerConnection connection = new BrokerConnection(new MetaRequestDispatcher(
            new ClientRegisterHandler(command -> {
                if (failure != null) {
                    throw failure;
                }
                registrations.add(command);
                return new RouteAnswer(STAMP, true, List.of(
                        new BrokerGroup("broker-0", BrokerGroupKind.REALTIME, "10.0.0.5:20881", BrokerState.READ_WRITE, STAMP)));
            }, CLOCK, Runnable::run), new BrokerRegisterHandler(group -> group.state(), CLOCK, Runnable::run),
            new BacklogReportHandler(report -> { }, CLOCK, Runnable::run)));

    @AfterEach
    void close() {
        connection.close();
    }

    private static ClientRegisterRequestBody request(String subject, String type) {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("clientId", "c1");
        entries.put("clientTypeCode", type);
        entries.put("requestType", "1");
        entries.put("subject", subject);
        entries.put("appCode", "demo");
        entries.put("consumerGroup", "g1");
        return new ClientRegisterRequestBody(entries);
    }

    @Test
    void exampleRegistrationGetsTheExampleAnswer() {
        connection.receive(FrameHeader.request(CommandCode.CLIENT_REGISTER, 9, 0), request("order.created", "2")::encode);

        assertThat(connection.sent()).isEqualTo(hex(ProtocolExamples.META_RESPONSE));
        assertThat(registrations).singleElement().satisfies(command -> {
            assertThat(command.firstContact()).isTrue();
            assertThat(command.registration().type()).isEqualTo(ClientType.CONSUMER);
            assertThat(command.registration().appCode()).isEqualTo("demo");
            assertThat(command.registration().clientId()).isEqualTo("c1");
            assertThat(command.registration().consumerGroup()).isEqualTo("g1");
            assertThat(command.registration().at()).isEqualTo(1_234L);
        });
    }

    @Test
    void retrySubjectIsPassedOnAndEchoedAsSent() {
        connection.receive(FrameHeader.request(CommandCode.CLIENT_REGISTER, 9, 0),
                request("%RETRY%order.created%g1", "1")::encode);

        MetaInfoResponseBody answer = answer();
        assertThat(answer.subject()).isEqualTo("%RETRY%order.created%g1");
        assertThat(answer.clientTypeCode()).isEqualTo(1);
        assertThat(registrations.get(0).registration().subject().real().name()).isEqualTo("order.created");
    }

    @Test
    void invalidSubjectOrTypeGetsTheRefusalAnswer() {
        connection.receive(FrameHeader.request(CommandCode.CLIENT_REGISTER, 9, 0), request("bad subject", "4")::encode);
        connection.receive(FrameHeader.request(CommandCode.CLIENT_REGISTER, 9, 0), request("ok", "x")::encode);

        assertThat(answer()).isEqualTo(new MetaInfoResponseBody(-2, "bad subject", "g1", 1, 4, List.of()));
        assertThat(answer()).isEqualTo(new MetaInfoResponseBody(-2, "ok", "g1", 1, 0, List.of()));
        assertThat(registrations).isEmpty();
    }

    @Test
    void failingRegistrationAnswers51() {
        failure = new IllegalStateException("database down");

        connection.receive(FrameHeader.request(CommandCode.CLIENT_REGISTER, 9, 0), request("s", "1")::encode);

        assertThat(connection.sentFrame()).satisfies(frame -> {
            assertThat(frame.header().code()).isEqualTo(ResponseCode.BROKER_ERROR);
            assertThat(frame.body().readableBytes()).isZero();
            frame.release();
        });
    }

    private MetaInfoResponseBody answer() {
        Frame frame = connection.sentFrame();
        try {
            assertThat(frame.header().code()).isEqualTo(ResponseCode.SUCCESS);
            return MetaInfoResponseBody.decode(frame.body());
        } finally {
            frame.release();
        }
    }
}

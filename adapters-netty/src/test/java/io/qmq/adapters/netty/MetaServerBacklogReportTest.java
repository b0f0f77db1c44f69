package io.qmq.adapters.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.qmq.adapters.netty.codec.BacklogReportRequestBody;
import io.qmq.adapters.netty.codec.CommandCode;
import io.qmq.adapters.netty.codec.FrameHeader;
import io.qmq.adapters.netty.codec.LeakReportsFail;
import io.qmq.adapters.netty.codec.ResponseCode;
import io.qmq.application.port.in.RouteAnswer;
import io.qmq.domain.cluster.BacklogReport;
import io.qmq.domain.consumer.ConsumerGroup;
import io.qmq.domain.consumer.Subscription;
import io.qmq.domain.message.Subject;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Our BACKLOG_REPORT on a real meta server: what is recorded and what the broker is answered. */
@ExtendWith(LeakReportsFail.class)
class MetaServerBacklogReportTest {

    private static final long NOW = 1_700_000_000_000L;

    private final List<BacklogReport> recorded = new CopyOnWriteArrayList<>();
    private final MetaServer server = new MetaServer(new MetaServerConfig("127.0.0.1", 0, 0, "127.0.0.1"),
            command -> new RouteAnswer(1L, true, List.of()), group -> group.state(), this::record,
            Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC)).start();

    private void record(BacklogReport report) {
        if (report.brokerGroup().equals("failing")) {
            throw new IllegalStateException("recording failed");
        }
        recorded.add(report);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aReportIsRecordedWithTheMetaServersClockAndAnsweredEmpty() throws IOException {
        WireSocket.Reply reply = send(new BacklogReportRequestBody("a", false,
                List.of(new BacklogReportRequestBody.Entry("orders", "billing", 5, 2))));

        assertThat(reply.header()).isEqualTo(new FrameHeader(ResponseCode.SUCCESS, 9, 4, 1, CommandCode.BACKLOG_REPORT));
        assertThat(reply.body()).isEmpty();
        assertThat(recorded).containsExactly(new BacklogReport("a", NOW, false, List.of(new BacklogReport.Entry(
                new Subscription(Subject.of("orders"), ConsumerGroup.of("billing")), 5, 2))));
    }

    @Test
    void aReportNamingAnInvalidSubjectOrCountIsRefusedWithAWarning() throws IOException {
        try (WarningLog warnings = new WarningLog()) {
            assertThat(send(report("no spaces", 1)).header().code()).isEqualTo(ResponseCode.BROKER_ERROR);
            assertThat(send(report("orders", -1)).header().code()).isEqualTo(ResponseCode.BROKER_ERROR);

            assertThat(warnings.drain()).hasSize(2).allMatch(line -> line.startsWith("refusing backlog report"));
        }
        assertThat(recorded).isEmpty();
    }

    @Test
    void aReportTheUseCaseFailsOnIsAnsweredAsAnError() throws IOException {
        try (WarningLog warnings = new WarningLog()) {
            WireSocket.Reply reply = send(new BacklogReportRequestBody("failing", true, List.of()));

            assertThat(reply.header().code()).isEqualTo(ResponseCode.BROKER_ERROR);
            assertThat(warnings.drain()).hasSize(1);
        }
    }

    private static BacklogReportRequestBody report(String subject, long undelivered) {
        return new BacklogReportRequestBody("a", true, List.of(new BacklogReportRequestBody.Entry(subject, "billing", undelivered, 0)));
    }

    private WireSocket.Reply send(BacklogReportRequestBody request) throws IOException {
        try (WireSocket broker = new WireSocket(server.port())) {
            broker.send(FrameHeader.request(CommandCode.BACKLOG_REPORT, 9, 4), request::encode);
            return broker.read();
        }
    }
}

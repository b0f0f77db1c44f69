package io.qmq.adapters.netty.handler;

import static io.qmq.adapters.netty.codec.HexDump.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.qmq.adapters.netty.codec.CommandCode;
import io.qmq.adapters.netty.codec.FrameHeader;
import io.qmq.adapters.netty.codec.HexDump;
import io.qmq.adapters.netty.codec.LeakReportsFail;
import io.qmq.adapters.netty.codec.ProtocolExamples;
import io.qmq.adapters.netty.codec.PullRequestBody;
import io.qmq.adapters.netty.codec.ResponseCode;
import io.qmq.application.port.in.BrokerIsSlaveException;
import io.qmq.application.port.in.PullCommand;
import io.qmq.application.port.in.PullResult;
import io.qmq.domain.consumer.TagFilter;
import io.qmq.domain.message.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** PULL_MESSAGE through the broker pipeline, with a lambda use case. */
@ExtendWith(LeakReportsFail.class)
class PullHandlingTest {

    private final List<PullCommand> pulls = new ArrayList<>();
    private CompletableFuture<PullResult> pullOutcome = CompletableFuture.completedFuture(PullResult.EMPTY);

    private final BrokerConnection connection = new BrokerConnection(new BrokerRequestDispatcher(
            new SendMessageHandler(command -> CompletableFuture.completedFuture(List.of())),
            new PullMessageHandler(command -> {
                pulls.add(command);
                return pullOutcome;
            }),
            new AckMessageHandler(command -> { }, Runnable::run)));

    @AfterEach
    void close() {
        connection.close();
    }

    @Test
    void pullOfTheExampleAnswersTheExampleBytes() {
        Message message = new Message(io.qmq.domain.message.Subject.of("order.created"),
                io.qmq.domain.message.MessageId.of("m1"), io.qmq.domain.message.Tags.of("vip"),
                new io.qmq.domain.message.MessageFlags((byte) 4), 1_700_000_000_000L, 0,
                HexDump.bytes(ProtocolExamples.STORED_RECORD));
        pullOutcome = CompletableFuture.completedFuture(new PullResult(0, List.of(message)));

        connection.receive(ProtocolExamples.PULL_REQUEST);

        assertThat(connection.sent()).isEqualTo(hex(ProtocolExamples.PULL_RESPONSE));
        PullCommand pull = pulls.get(0);
        assertThat(pull.maxMessages()).isEqualTo(50);
        assertThat(pull.longPoll()).isEqualTo(Duration.ofMillis(2500));
        assertThat(pull.clientLastPulled()).isEqualTo(-1);
        assertThat(pull.filter()).isEqualTo(TagFilter.any("vip"));
        assertThat(pull.consumer().id().value()).isEqualTo("c1");
    }

    @Test
    void emptyPullAnswersNoMessage() {
        connection.receive(ProtocolExamples.PULL_REQUEST);

        assertThat(connection.sent()).isEqualTo(hex("00 00 00 14 00 12 de c1 0a de 00 04 00 09 00 00 00 08 00 00 00 01 00 0b"));
    }

    @Test
    void invalidPullsAnswerNoMessageWithoutPulling() {
        for (String subject : List.of("", "a/b", "a\nb")) {
            connection.receive(FrameHeader.request(CommandCode.PULL_MESSAGE, 9, 3), pull(subject, 10)::encode);
            assertThat(connection.sentFrame()).satisfies(f -> {
                assertThat(f.header().code()).isEqualTo(ResponseCode.NO_MESSAGE);
                f.release();
            });
        }
        connection.receive(FrameHeader.request(CommandCode.PULL_MESSAGE, 9, 3), pull("s", 0)::encode);
        assertThat(connection.sent()).contains("0004");
        assertThat(pulls).isEmpty();
    }

    @Test
    void requestNumIsCappedAtTenThousand() {
        connection.receive(FrameHeader.request(CommandCode.PULL_MESSAGE, 9, 3), pull("s", 50_000)::encode);

        assertThat(pulls.get(0).maxMessages()).isEqualTo(10_000);
        assertThat(connection.sent()).isNotNull();
    }

    @Test
    void olderPullLayoutsAreUnderstood() {
        connection.receive(FrameHeader.request(CommandCode.PULL_MESSAGE, 8, 4), body -> {
            pullWithoutFilters(body);
            new io.qmq.adapters.netty.codec.PullFilter.ByTags(2, List.of("a", "b")).encodeBody(body);
        });
        connection.receive(FrameHeader.request(CommandCode.PULL_MESSAGE, 7, 5), PullHandlingTest::pullWithoutFilters);

        assertThat(pulls).extracting(PullCommand::filter).containsExactly(TagFilter.all("a", "b"), TagFilter.NONE);
        assertThat(connection.sent()).isNotNull();
        assertThat(connection.sent()).isNotNull();
    }

    @Test
    void failedPullAnswers51() {
        pullOutcome = CompletableFuture.failedFuture(new IllegalStateException("log unreadable"));

        connection.receive(ProtocolExamples.PULL_REQUEST);

        assertThat(connection.sent()).isEqualTo(hex("00 00 00 14 00 12 de c1 0a de 00 33 00 09 00 00 00 08 00 00 00 01 00 0b"));
    }

    @Test
    void aPullASlaveRefusesAnswers52() {
        pullOutcome = CompletableFuture.failedFuture(new BrokerIsSlaveException("a"));

        connection.receive(ProtocolExamples.PULL_REQUEST);

        assertThat(connection.sentFrame()).satisfies(f -> {
            assertThat(f.header().code()).isEqualTo(ResponseCode.BROKER_REJECT);
            f.release();
        });
    }

    private static void pullWithoutFilters(io.netty.buffer.ByteBuf body) {
        io.netty.buffer.ByteBuf v9 = io.netty.buffer.Unpooled.buffer();
        pull("s", 5).encode(v9);
        body.writeBytes(v9, v9.readableBytes() - Integer.BYTES);
        v9.release();
    }

    private static PullRequestBody pull(String subject, int requestNum) {
        return new PullRequestBody(subject, "g", "c", requestNum, -1, -1, -1, 0, false, List.of());
    }
}

package io.qmq.adapters.netty.handler;

import static io.qmq.adapters.netty.codec.HexDump.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.qmq.adapters.netty.codec.AckRequestBody;
import io.qmq.adapters.netty.codec.CommandCode;
import io.qmq.adapters.netty.codec.FrameHeader;
import io.qmq.adapters.netty.codec.LeakReportsFail;
import io.qmq.adapters.netty.codec.ProtocolExamples;
import io.qmq.application.port.in.AckCommand;
import io.qmq.application.port.in.PullResult;
import io.qmq.domain.consumer.SequenceRange;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LeakReportsFail.class)
class AckAndFramingHandlingTest {

    private final List<AckCommand> acks = new ArrayList<>();
    private RuntimeException ackFailure;
    private Executor executor = Runnable::run;

    private final BrokerConnection connection = new BrokerConnection(new BrokerRequestDispatcher(
            new SendMessageHandler(command -> CompletableFuture.completedFuture(List.of())),
            new PullMessageHandler(command -> CompletableFuture.completedFuture(PullResult.EMPTY)),
            new AckMessageHandler(command -> {
                if (ackFailure != null) {
                    throw ackFailure;
                }
                acks.add(command);
            }, task -> executor.execute(task))));

    @AfterEach
    void close() {
        connection.close();
    }

    @Test
    void exampleAckIsRecordedAndAnsweredExactly() {
        connection.receive(ProtocolExamples.ACK_FRAME);

        assertThat(connection.sent()).isEqualTo(hex("00 00 00 14 00 12 de c1 0a de 00 00 00 09 00 00 00 09 00 00 00 01 00 0c"));
        assertThat(acks).singleElement().satisfies(ack -> {
            assertThat(ack.range()).contains(SequenceRange.of(0, 0));
            assertThat(ack.consumer().subscription().group().name()).isEqualTo("g1");
            assertThat(ack.broadcast()).isFalse();
        });
    }

    @Test
    void negativeBeginIsAHeartbeat() {
        connection.receive(FrameHeader.request(CommandCode.ACK_REQUEST, 9, 2),
                new AckRequestBody("s", "g", "c", -1, -1, false)::encode);

        assertThat(acks).singleElement().satisfies(ack -> assertThat(ack.isHeartbeat()).isTrue());
        assertThat(connection.sent()).startsWith(hex("00 00 00 14 00 12 de c1 0a de 00 00"));
    }

    @Test
    void version7AckWithoutBroadcastByteIsUnderstood() {
        connection.receive(FrameHeader.request(CommandCode.ACK_REQUEST, 7, 2), body -> {
            new AckRequestBody("s", "g", "c", 3, 5, false).encode(body);
            body.writerIndex(body.writerIndex() - 1);
        });

        assertThat(acks).singleElement().satisfies(ack -> assertThat(ack.range()).contains(SequenceRange.of(3, 5)));
    }

    @Test
    void emptyNamesAndInvertedRangesAnswer51() {
        connection.receive(FrameHeader.request(CommandCode.ACK_REQUEST, 9, 2), new AckRequestBody("", "g", "c", 0, 0, false)::encode);
        connection.receive(FrameHeader.request(CommandCode.ACK_REQUEST, 9, 3), new AckRequestBody("s", "g", "c", 5, 2, false)::encode);

        assertThat(connection.sent()).startsWith(hex("00 00 00 14 00 12 de c1 0a de 00 33"));
        assertThat(connection.sent()).startsWith(hex("00 00 00 14 00 12 de c1 0a de 00 33"));
        assertThat(acks).isEmpty();
    }

    @Test
    void failingOrSaturatedAckAnswers51() {
        ackFailure = new IllegalStateException("progress store down");
        connection.receive(ProtocolExamples.ACK_FRAME);
        ackFailure = null;
        executor = task -> {
            throw new RejectedExecutionException("full");
        };
        connection.receive(ProtocolExamples.ACK_FRAME);

        assertThat(connection.sent()).contains("0033");
        assertThat(connection.sent()).contains("0033");
    }

    @Test
    void unknownCodeAnswers3WithEmptyBody() {
        connection.receive(FrameHeader.request(99, 9, 42), body -> body.writeLong(1));

        assertThat(connection.sent()).isEqualTo(hex("00 00 00 14 00 12 de c1 0a de 00 03 00 09 00 00 00 2a 00 00 00 01 00 63"));
    }

    @Test
    void oneWayRequestGetsNoAnswer() {
        connection.receive(new FrameHeader(CommandCode.ACK_REQUEST, 9, 1, FrameHeader.FLAG_ONE_WAY, CommandCode.ACK_REQUEST),
                new AckRequestBody("s", "g", "c", -1, -1, false)::encode);

        assertThat(acks).hasSize(1);
        assertThat(connection.sent()).isNull();
    }

    @Test
    void oversizedFrameIsAnswered51AndTheConnectionKeepsServing() {
        connection.receive(FrameHeader.request(CommandCode.SEND_MESSAGE, 9, 77),
                body -> body.writeZero(BrokerConnection.MAX_FRAME_BYTES));
        connection.receive(ProtocolExamples.ACK_FRAME);

        assertThat(connection.sent()).isEqualTo(hex("00 00 00 14 00 12 de c1 0a de 00 33 00 09 00 00 00 4d 00 00 00 01 00 0a"));
        assertThat(connection.sent()).contains("0000000900000001000c");
        assertThat(connection.channel.isActive()).isTrue();
    }

    @Test
    void badMagicClosesTheConnection() {
        connection.receive(ProtocolExamples.ACK_FRAME.replaceFirst("de c1 0a de", "de c1 0a df"));

        assertThat(connection.sent()).isNull();
        assertThat(connection.channel.isActive()).isFalse();
    }
}

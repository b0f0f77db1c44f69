package io.qmq.adapters.netty.handler;

import static io.qmq.adapters.netty.codec.HexDump.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.qmq.adapters.netty.codec.CommandCode;
import io.qmq.adapters.netty.codec.Frame;
import io.qmq.adapters.netty.codec.FrameHeader;
import io.qmq.adapters.netty.codec.HexDump;
import io.qmq.adapters.netty.codec.LeakReportsFail;
import io.qmq.adapters.netty.codec.MessageRecord;
import io.qmq.adapters.netty.codec.ProtocolExamples;
import io.qmq.adapters.netty.codec.ResponseCode;
import io.qmq.adapters.netty.codec.SendRequestBody;
import io.qmq.adapters.netty.codec.SendResponseBody;
import io.qmq.application.port.in.PullResult;
import io.qmq.application.port.in.SendMessagesCommand;
import io.qmq.application.port.in.SendResult;
import io.qmq.application.port.in.SendStatus;
import io.qmq.domain.message.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** SEND_MESSAGE through the broker pipeline, with a lambda use case. */
@ExtendWith(LeakReportsFail.class)
class SendHandlingTest {

    private final List<SendMessagesCommand> sends = new ArrayList<>();
    private Function<SendMessagesCommand, CompletableFuture<List<SendResult>>> sendOutcome = command ->
            CompletableFuture.completedFuture(command.messages().stream().map(m -> SendResult.stored(m.id())).toList());

    private final BrokerConnection connection = new BrokerConnection(new BrokerRequestDispatcher(
            new SendMessageHandler(command -> {
                sends.add(command);
                return sendOutcome.apply(command);
            }),
            new PullMessageHandler(command -> CompletableFuture.completedFuture(PullResult.EMPTY)),
            new AckMessageHandler(command -> { }, Runnable::run)));

    @AfterEach
    void close() {
        connection.close();
    }

    @Test
    void storesTheExampleSendKeepingTheRecordBytesAndAnswersEmpty() {
        connection.receive(ProtocolExamples.SEND_FRAME);

        assertThat(connection.sent())
                .isEqualTo(hex("00 00 00 14 00 12 de c1 0a de 00 00 00 09 00 00 00 07 00 00 00 01 00 0a"));
        Message stored = sends.get(0).messages().get(0);
        assertThat(stored.encoded()).isEqualTo(HexDump.bytes(ProtocolExamples.STORED_RECORD));
    }

    @Test
    void busyMessageIsListedAsInTheExample() {
        sendOutcome = command -> CompletableFuture.completedFuture(
                List.of(new SendResult(command.messages().get(0).id(), SendStatus.BUSY, "broker busy")));

        connection.receive(ProtocolExamples.SEND_FRAME);

        assertThat(connection.sent()).isEqualTo(hex("00 00 00 29 00 12 de c1 0a de 00 00 00 09 00 00 00 07 00 00 00 01 00 0a"
                + "00 02 6d 31 00 00 00 01 00 0b 62 72 6f 6b 65 72 20 62 75 73 79"));
    }

    @Test
    void answersOnlyWhenTheStoreCompletes() {
        CompletableFuture<List<SendResult>> pending = new CompletableFuture<>();
        sendOutcome = command -> pending;
        connection.receive(ProtocolExamples.SEND_FRAME);
        assertThat(connection.sent()).isNull();

        pending.complete(List.of(new SendResult(sends.get(0).messages().get(0).id(), SendStatus.READ_ONLY, "")));

        Frame answer = connection.sentFrame();
        assertThat(answer.header()).isEqualTo(new FrameHeader(0, 9, 7, 1, 10));
        assertThat(SendResponseBody.decode(answer.body()).failures())
                .containsExactly(new SendResponseBody.Failure("m1", SendResponseBody.READ_ONLY, ""));
        answer.release();
    }

    @Test
    void unparseableSendStoresNothingAndAnswers51() {
        String truncated = ProtocolExamples.SEND_FRAME.replaceAll("\\s+", "");
        truncated = "0000006d" + truncated.substring(8, truncated.length() - 4);

        connection.receive(truncated);

        assertThat(connection.sentFrame()).satisfies(f -> {
            assertThat(f.header().code()).isEqualTo(ResponseCode.BROKER_ERROR);
            assertThat(f.header().opaque()).isEqualTo(7);
            f.release();
        });
        assertThat(sends).isEmpty();
    }

    @Test
    void corruptRecordIsRefusedWhileItsNeighbourIsStored() {
        connection.receive(FrameHeader.request(CommandCode.SEND_MESSAGE, 9, 1), body -> {
            SendRequestBody.encode(body, List.of(record("good"), record("bad")));
            body.setByte(body.writerIndex() - 1, 'x');
        });

        Frame answer = connection.sentFrame();
        assertThat(SendResponseBody.decode(answer.body()).failures()).extracting(SendResponseBody.Failure::code)
                .containsExactly(SendResponseBody.STORE_ERROR);
        answer.release();
        assertThat(sends.get(0).messages()).extracting(m -> m.id().value()).containsExactly("good");
    }

    @Test
    void failedStoreAnswers51() {
        sendOutcome = command -> CompletableFuture.failedFuture(new IllegalStateException("disk gone"));

        connection.receive(ProtocolExamples.SEND_FRAME);

        assertThat(connection.sent()).isEqualTo(hex("00 00 00 14 00 12 de c1 0a de 00 33 00 09 00 00 00 07 00 00 00 01 00 0a"));
    }

    private static MessageRecord record(String id) {
        return new MessageRecord((byte) 0, 1L, 2L, "s", id, List.of(), Map.of("k", "v"));
    }
}

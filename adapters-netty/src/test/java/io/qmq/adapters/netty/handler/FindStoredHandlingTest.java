package io.qmq.adapters.netty.handler;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.qmq.adapters.netty.codec.CommandCode;
import io.qmq.adapters.netty.codec.FindStoredRequestBody;
import io.qmq.adapters.netty.codec.FindStoredResponseBody;
import io.qmq.adapters.netty.codec.Frame;
import io.qmq.adapters.netty.codec.FrameHeader;
import io.qmq.adapters.netty.codec.LeakReportsFail;
import io.qmq.adapters.netty.codec.MessageRecord;
import io.qmq.adapters.netty.codec.ResponseCode;
import io.qmq.application.port.in.FindStoredMessagesCommand;
import io.qmq.application.port.in.PullResult;
import io.qmq.domain.message.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Our FIND_STORED_MESSAGES through the broker pipeline, with a lambda use case. */
@ExtendWith(LeakReportsFail.class)
class FindStoredHandlingTest {

    private final List<FindStoredMessagesCommand> asked = new ArrayList<>();
    private Function<FindStoredMessagesCommand, List<Message>> outcome = command -> List.of();
    private java.util.concurrent.Executor blockingWork = Runnable::run;

    private final BrokerConnection connection = new BrokerConnection(new BrokerRequestDispatcher(
            new SendMessageHandler(command -> new CompletableFuture<>()),
            new PullMessageHandler(command -> CompletableFuture.completedFuture(PullResult.EMPTY)),
            new AckMessageHandler(command -> { }, Runnable::run),
            Optional.of(new FindStoredMessagesHandler(command -> {
                asked.add(command);
                return outcome.apply(command);
            }, task -> blockingWork.execute(task)))));

    @AfterEach
    void close() {
        connection.close();
    }

    @Test
    void answersThePlacesOfTheCandidatesTheBrokerStores() {
        outcome = command -> List.of(command.candidates().get(2), command.candidates().get(0));

        connection.receive(request(), body -> FindStoredRequestBody.encode(body, 1_234L,
                List.of(stored("a"), stored("b"), stored("c"))));

        Frame answer = connection.sentFrame();
        assertThat(answer.header().code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(answer.header().opaque()).isEqualTo(5);
        assertThat(FindStoredResponseBody.decode(answer.body()).storedIndexes()).containsExactly(0, 2);
        answer.release();
        assertThat(asked).singleElement().satisfies(command -> {
            assertThat(command.since()).isEqualTo(1_234L);
            assertThat(command.candidates()).extracting(m -> m.id().value()).containsExactly("a", "b", "c");
            assertThat(command.candidates().get(1).encoded()).isEqualTo(stored("b"));
        });
    }

    @Test
    void aCorruptCandidateIsNotAskedAboutAndKeepsTheOthersPlaces() {
        outcome = command -> command.candidates();

        connection.receive(request(), body -> {
            FindStoredRequestBody.encode(body, 1L, List.of(stored("bad"), stored("good")));
            body.setByte(Long.BYTES + Long.BYTES + 3, 'x'); // inside the first record, behind its crc
        });

        Frame answer = connection.sentFrame();
        assertThat(FindStoredResponseBody.decode(answer.body()).storedIndexes()).containsExactly(1);
        answer.release();
        assertThat(asked.get(0).candidates()).extracting(m -> m.id().value()).containsExactly("good");
    }

    @Test
    void aFailedSearchOrAFullExecutorOrABadBodyAnswers51() {
        outcome = command -> {
            throw new IllegalStateException("log unreadable");
        };
        connection.receive(request(), body -> FindStoredRequestBody.encode(body, 1L, List.of(stored("a"))));
        assertThat(codeOfAnswer()).isEqualTo(ResponseCode.BROKER_ERROR);

        blockingWork = task -> {
            throw new RejectedExecutionException("full");
        };
        connection.receive(request(), body -> FindStoredRequestBody.encode(body, 1L, List.of(stored("a"))));
        assertThat(codeOfAnswer()).isEqualTo(ResponseCode.BROKER_ERROR);

        connection.receive(request(), body -> body.writeInt(7)); // too short for its 'since'
        assertThat(codeOfAnswer()).isEqualTo(ResponseCode.BROKER_ERROR);
    }

    @Test
    void aBrokerWithoutTheUseCaseAnswersUnknownCode() {
        BrokerConnection plain = new BrokerConnection(new BrokerRequestDispatcher(
                new SendMessageHandler(command -> new CompletableFuture<>()),
                new PullMessageHandler(command -> CompletableFuture.completedFuture(PullResult.EMPTY)),
                new AckMessageHandler(command -> { }, Runnable::run)));
        try {
            plain.receive(request(), body -> FindStoredRequestBody.encode(body, 1L, List.of(stored("a"))));

            Frame answer = plain.sentFrame();
            assertThat(answer.header().code()).isEqualTo(ResponseCode.UNKNOWN_CODE);
            answer.release();
        } finally {
            plain.close();
        }
    }

    private int codeOfAnswer() {
        Frame answer = connection.sentFrame();
        int code = answer.header().code();
        answer.release();
        return code;
    }

    private static FrameHeader request() {
        return FrameHeader.request(CommandCode.FIND_STORED_MESSAGES, 9, 5);
    }

    private static byte[] stored(String id) {
        ByteBuf buf = Unpooled.buffer();
        new MessageRecord((byte) 0, 1L, 2L, "s", id, List.of(), Map.of("k", "v")).encode(buf);
        byte[] bytes = new byte[buf.readableBytes()];
        buf.readBytes(bytes);
        buf.release();
        return bytes;
    }
}

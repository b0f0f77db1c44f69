package io.qmq.adapters.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.qmq.application.port.in.InspectSchedulesUseCase;
import io.qmq.domain.delay.ScheduledMessage;
import io.qmq.domain.message.Message;
import io.qmq.domain.message.MessageFlags;
import io.qmq.domain.message.MessageId;
import io.qmq.domain.message.Subject;
import io.qmq.domain.message.Tags;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin endpoint on loopback, over a fake of the use case. */
class AdminHttpServerTest {

    private static final String TOKEN = "s3cret";
    private static final long DUE = Instant.parse("2030-01-01T00:00:00Z").toEpochMilli();

    private final Map<String, ScheduledMessage> pending = new ConcurrentHashMap<>();
    private final List<String> counted = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private AdminHttpServer server;

    @BeforeEach
    void start() {
        pending.put("m-1", new ScheduledMessage(7, DUE, new Message(Subject.of("orders"), MessageId.of("m-1"), Tags.NONE,
                new MessageFlags((byte) MessageFlags.DELAY), 1, DUE, new byte[] {1, 2, 3})));
        server = new AdminHttpServer(new AdminServerConfig("127.0.0.1", 0, TOKEN), new InspectSchedulesUseCase() {
            @Override
            public long countPending(Subject subject, Instant from, Instant to) {
                counted.add(subject.name() + " " + from + " " + to);
                return 42;
            }

            @Override
            public List<ScheduledMessage> pendingWithId(MessageId id) {
                return pending.containsKey(id.value()) ? List.of(pending.get(id.value())) : List.of();
            }

            @Override
            public int cancel(MessageId id) {
                return pending.remove(id.value()) == null ? 0 : 1;
            }
        }).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void countsPendingMessagesOfASubjectInATimeRangeGivenAsIsoOrEpochMillis() throws Exception {
        HttpResponse<String> answer = send("GET", "/delay/pending/count?subject=orders&from=2030-01-01T00:00:00Z&to=1893456000000", TOKEN);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"pending\":42");
        assertThat(counted).containsExactly("orders 2030-01-01T00:00:00Z 2030-01-01T00:00:00Z");
    }

    @Test
    void showsAndCancelsOneMessageById() throws Exception {
        HttpResponse<String> shown = send("GET", "/delay/messages/m-1", TOKEN);
        HttpResponse<String> cancelled = send("DELETE", "/delay/messages/m-1", TOKEN);
        HttpResponse<String> again = send("DELETE", "/delay/messages/m-1", TOKEN);

        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("\"subject\":\"orders\"", "\"dueAt\":\"2030-01-01T00:00:00Z\"", "\"scheduleId\":7");
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(cancelled.body()).contains("\"cancelled\":1");
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(again.body()).contains("no pending message with id m-1");
    }

    @Test
    void aMissingOrWrongTokenIsRefusedWithTheReason() throws Exception {
        HttpResponse<String> wrong = send("GET", "/delay/messages/m-1", "guess");
        HttpResponse<String> missing = send("DELETE", "/delay/messages/m-1", null);

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("wrong X-Admin-Token");
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.body()).contains("missing X-Admin-Token");
        assertThat(pending).containsKey("m-1");
    }

    @Test
    void badParametersAndUnknownPathsAreExplained() throws Exception {
        assertThat(send("GET", "/delay/pending/count", TOKEN).body()).contains("'subject' is required");
        assertThat(send("GET", "/delay/pending/count?subject=orders&from=yesterday", TOKEN).statusCode()).isEqualTo(400);
        assertThat(send("GET", "/delay/nothing", TOKEN).statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> send(String method, String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header(AdminHttpServer.TOKEN_HEADER, token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

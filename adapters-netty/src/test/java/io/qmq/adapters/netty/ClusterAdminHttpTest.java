package io.qmq.adapters.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.qmq.application.fixtures.InMemoryBacklogReportStore;
import io.qmq.application.fixtures.InMemoryBrokerGroupStore;
import io.qmq.application.fixtures.InMemoryClientRegistrationStore;
import io.qmq.application.fixtures.InMemoryReadOnlyGroupStore;
import io.qmq.application.fixtures.InMemorySubjectRouteStore;
import io.qmq.application.service.AdministerClusterService;
import io.qmq.application.service.ConsumerGroups;
import io.qmq.application.service.RegisterBrokerService;
import io.qmq.domain.cluster.BacklogReport;
import io.qmq.domain.cluster.BrokerState;
import io.qmq.domain.cluster.ClientRegistration;
import io.qmq.domain.cluster.ClientType;
import io.qmq.domain.cluster.GroupSlave;
import io.qmq.domain.consumer.ConsumerGroup;
import io.qmq.domain.consumer.Subscription;
import io.qmq.domain.message.Subject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cluster admin requests on loopback, over the real service and in-memory stores. */
class ClusterAdminHttpTest {

    private static final String TOKEN = "s3cret";

    private final InMemoryBrokerGroupStore groups = new InMemoryBrokerGroupStore();
    private final InMemorySubjectRouteStore routes = new InMemorySubjectRouteStore(groups);
    private final InMemoryReadOnlyGroupStore readOnly = new InMemoryReadOnlyGroupStore();
    private final InMemoryClientRegistrationStore clients = new InMemoryClientRegistrationStore();
    private final InMemoryBacklogReportStore backlogs = new InMemoryBacklogReportStore();
    private final RegisterBrokerService registration = new RegisterBrokerService(groups, readOnly);
    private final HttpClient http = HttpClient.newHttpClient();
    private AdminHttpServer server;

    @BeforeEach
    void start() {
        AdministerClusterService cluster = new AdministerClusterService(groups, routes, readOnly,
                registration,
                new ConsumerGroups(clients, backlogs, Clock.systemUTC(), ConsumerGroups.DEFAULT_ONLINE_WINDOW), backlogs);
        server = new AdminHttpServer(new AdminServerConfig("127.0.0.1", 0, TOKEN), cluster).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void listsEachGroupsSlaveBesideIt() throws Exception {
        send("POST", "/cluster/groups?name=a&address=127.0.0.1:20881");
        send("POST", "/cluster/groups?name=b&address=127.0.0.1:20882");
        registration.registerSlave(new GroupSlave("a", "127.0.0.1:20891", BrokerState.READ_WRITE, 42));

        assertThat(send("GET", "/cluster/groups").body())
                .contains("\"name\":\"a\"", "\"slave\":{\"address\":\"127.0.0.1:20891\",\"state\":\"READ_WRITE\",\"updatedAt\":42}")
                .contains("\"slave\":null");
    }

    @Test
    void registersAssignsMarksAndListsOverHttp() throws Exception {
        assertThat(send("POST", "/cluster/groups?name=a&address=127.0.0.1:20881").statusCode()).isEqualTo(200);
        assertThat(send("POST", "/cluster/groups?name=b&address=127.0.0.1:20882").statusCode()).isEqualTo(200);

        HttpResponse<String> assigned = send("PUT", "/cluster/subjects/orders?groups=a,b");
        HttpResponse<String> marked = send("POST", "/cluster/groups/b/readonly");

        assertThat(assigned.body()).contains("\"subject\":\"orders\",\"groups\":[\"a\",\"b\"]");
        assertThat(marked.body()).contains("\"name\":\"b\"", "\"readOnly\":true");
        assertThat(readOnly.readOnlyGroups()).containsExactly("b");
        assertThat(send("GET", "/cluster/groups").body()).contains("\"address\":\"127.0.0.1:20882\"", "\"state\":\"READ_WRITE\"");
        assertThat(send("GET", "/cluster/subjects").body()).contains("orders");
    }

    @Test
    void listsConsumerGroupsWithOnlineStateAndBacklog() throws Exception {
        send("POST", "/cluster/groups?name=a&address=127.0.0.1:20881");
        send("POST", "/cluster/groups?name=b&address=127.0.0.1:20882");
        routes.assignIfAbsent(Subject.of("orders"), List.of("a", "b"));
        clients.record(new ClientRegistration(Subject.of("orders"), ClientType.CONSUMER, "app", "c-1", "billing", System.currentTimeMillis()));
        backlogs.save(new BacklogReport("a", 1_000L, true, List.of(new BacklogReport.Entry(
                new Subscription(Subject.of("orders"), ConsumerGroup.of("billing")), 40, 2))));

        HttpResponse<String> answer = send("GET", "/cluster/consumers?subject=orders");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"consumerGroup\":\"billing\"", "\"clientId\":\"c-1\"", "\"online\":true",
                "\"backlog\":{\"undelivered\":40,\"unacknowledged\":2,\"retryUndelivered\":0,\"retryUnacknowledged\":0,"
                        + "\"complete\":false,",
                "{\"name\":\"a\",\"known\":true,\"reportedAt\":1000,", "{\"name\":\"b\",\"known\":false}");
    }

    @Test
    void errorsCarryTheirStatusAndReason() throws Exception {
        send("POST", "/cluster/groups?name=a&address=127.0.0.1:20881");
        send("PUT", "/cluster/subjects/orders?groups=a");

        assertThat(send("POST", "/cluster/groups/nope/readonly")).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.body()).contains("unknown broker group 'nope'");
        });
        assertThat(send("DELETE", "/cluster/groups/a")).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(409);
            assertThat(r.body()).contains("orders");
        });
        assertThat(send("POST", "/cluster/groups?name=x&address=nowhere").statusCode()).isEqualTo(400);
        assertThat(send("GET", "/cluster/consumers?subject=ghost").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/delay/pending/count?subject=orders").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/cluster/groups", "guess").statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        return send(method, path, TOKEN);
    }

    private HttpResponse<String> send(String method, String path, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).header(AdminHttpServer.TOKEN_HEADER, token).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}

package io.qmq.adapters.netty.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.qmq.adapters.netty.MetaServer;
import io.qmq.adapters.netty.MetaServerConfig;
import io.qmq.adapters.netty.codec.LeakReportsFail;
import io.qmq.application.port.in.Backlog;
import io.qmq.application.port.in.RouteAnswer;
import io.qmq.application.service.BrokerAvailability;
import io.qmq.domain.cluster.BacklogReport;
import io.qmq.domain.cluster.BrokerGroup;
import io.qmq.domain.cluster.BrokerGroupKind;
import io.qmq.domain.cluster.BrokerState;
import io.qmq.domain.consumer.ConsumerGroup;
import io.qmq.domain.consumer.Subscription;
import io.qmq.domain.message.Subject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A registrar against a real meta server on loopback, found through a discovery endpoint the test controls. */
@ExtendWith(LeakReportsFail.class)
class BrokerRegistrarTest {

    private static final Duration HEARTBEAT = Duration.ofMillis(100);
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private final List<BrokerGroup> reports = new CopyOnWriteArrayList<>();
    private final List<BacklogReport> backlogReports = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> running = new ArrayList<>();
    private final BrokerAvailability availability = new BrokerAvailability();
    private volatile BrokerState wanted;
    private volatile String discovered = "127.0.0.1:1";
    private final HttpServer discovery = discovery();

    @AfterEach
    void stop() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
        discovery.stop(0);
    }

    @Test
    void registersOnlineThenHeartbeatsWithItsGroupAndAddress() {
        discovered = metaServerAddress();
        registrar().start();
        assertThat(reports).as("registered before start returns").isNotEmpty();

        awaitTrue(() -> reports.size() >= 3);
        assertThat(reports).allSatisfy(group -> {
            assertThat(group.name()).isEqualTo("a");
            assertThat(group.masterAddress()).isEqualTo("10.0.0.1:20881");
            assertThat(group.kind()).isEqualTo(BrokerGroupKind.REALTIME);
            assertThat(group.state()).isEqualTo(BrokerState.READ_WRITE);
        });
    }

    @Test
    void appliesTheStateTheMetaServerAnswersAndLiftsIt() {
        discovered = metaServerAddress();
        wanted = BrokerState.READ_ONLY;
        registrar().start();

        awaitTrue(() -> !availability.acceptsSends());
        wanted = null;
        awaitTrue(availability::acceptsSends);
    }

    @Test
    void keepsServingAndFindsTheMetaServerWhenItAppearsElsewhere() throws IOException {
        availability.update(BrokerState.READ_ONLY);
        discovered = "127.0.0.1:" + freePort();
        registrar().start();
        pause(HEARTBEAT.multipliedBy(4));
        assertThat(availability.state()).isEqualTo(BrokerState.READ_ONLY);

        discovered = metaServerAddress();

        awaitTrue(() -> !reports.isEmpty());
        awaitTrue(availability::acceptsSends);
    }

    @Test
    void reportsOfflineOnClose() {
        discovered = metaServerAddress();
        BrokerRegistrar registrar = registrar().start();
        awaitTrue(() -> !reports.isEmpty());

        registrar.close();

        assertThat(reports.get(reports.size() - 1).state()).isEqualTo(BrokerState.OFFLINE);
    }

    @Test
    void closingWithoutAMetaServerReturnsPromptly() {
        BrokerRegistrar registrar = registrar().start();
        long started = System.nanoTime();

        registrar.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void followsEachHeartbeatWithItsBacklogsStampedByTheMetaServer() {
        discovered = metaServerAddress();
        List<Backlog> backlogs = List.of(backlog("orders", "idle", 0, 0), backlog("orders", "billing", 5, 2),
                backlog("%RETRY%orders%billing", "billing", 1, 0));
        long before = System.currentTimeMillis();
        running.add(new BrokerRegistrar(config(), availability, () -> backlogs).start());

        awaitTrue(() -> backlogReports.size() >= 2);
        BacklogReport report = backlogReports.get(0);
        assertThat(report.brokerGroup()).isEqualTo("a");
        assertThat(report.complete()).isTrue();
        assertThat(report.reportedAt()).isBetween(before, System.currentTimeMillis());
        assertThat(report.entries()).extracting(e -> e.subscription() + "=" + e.undelivered() + "+" + e.unacknowledged())
                .containsExactly("billing@orders=5+2", "billing@%RETRY%orders%billing=1+0");
    }

    @Test
    void aRegistrarWithoutBacklogsReportsNone() {
        discovered = metaServerAddress();
        registrar().start();

        awaitTrue(() -> reports.size() >= 3);
        assertThat(backlogReports).isEmpty();
    }

    private BrokerRegistrar registrar() {
        BrokerRegistrar registrar = new BrokerRegistrar(config(), availability);
        running.add(registrar);
        return registrar;
    }

    private RegistrationConfig config() {
        return new RegistrationConfig(URI.create("http://127.0.0.1:" + discovery.getAddress().getPort() + "/meta/address"),
                "a", "10.0.0.1:20881", BrokerGroupKind.REALTIME, HEARTBEAT, Duration.ofMillis(500));
    }

    private static Backlog backlog(String subject, String group, long undelivered, long unacknowledged) {
        return new Backlog(new Subscription(Subject.of(subject), ConsumerGroup.of(group)), undelivered, unacknowledged);
    }

    private String metaServerAddress() {
        MetaServer meta = new MetaServer(new MetaServerConfig("127.0.0.1", 0, 0, "127.0.0.1"),
                command -> new RouteAnswer(1L, true, List.of()), group -> {
                    reports.add(group);
                    BrokerState answer = wanted;
                    return answer == null ? group.state() : answer;
                }, backlogReports::add, Clock.systemUTC()).start();
        running.add(meta);
        return "127.0.0.1:" + meta.port();
    }

    private HttpServer discovery() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.createContext("/meta/address", exchange -> {
                byte[] body = discovered.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            http.start();
            return http;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the test's discovery endpoint", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within %s", PATIENCE).isLessThan(deadline);
            pause(Duration.ofMillis(20));
        }
    }

    private static void pause(Duration time) {
        try {
            Thread.sleep(time.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

package io.qmq.adapters.netty.forward;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.qmq.adapters.netty.BrokerServer;
import io.qmq.adapters.netty.BrokerServerConfig;
import io.qmq.adapters.netty.MetaServer;
import io.qmq.adapters.netty.MetaServerConfig;
import io.qmq.adapters.netty.codec.MessageRecord;
import io.qmq.application.port.in.RouteAnswer;
import io.qmq.application.port.in.SendResult;
import io.qmq.application.port.in.SendStatus;
import io.qmq.application.port.out.MessageForwarder;
import io.qmq.application.port.out.StoredCheck;
import io.qmq.domain.cluster.BrokerGroup;
import io.qmq.domain.cluster.BrokerGroupKind;
import io.qmq.domain.cluster.BrokerState;
import io.qmq.domain.cluster.ClientType;
import io.qmq.domain.message.Message;
import io.qmq.domain.message.MessageFlags;
import io.qmq.domain.message.MessageId;
import io.qmq.domain.message.Subject;
import io.qmq.domain.message.Tags;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real meta and broker servers on loopback; the brokers record what the forwarder sends them. */
class NettyMessageForwarderTest {

    private final List<Message> ordersReceived = new CopyOnWriteArrayList<>();
    private final List<Message> paymentsReceived = new CopyOnWriteArrayList<>();
    private final Set<String> busyIds = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final List<AutoCloseable> servers = new ArrayList<>();
    private final List<ClientType> askedTypes = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable server : servers) {
            server.close();
        }
    }

    @Test
    void forwardsEachMessageUnchangedToABrokerOfItsSubjectAndReportsWhatWasStored() throws Exception {
        int orders = broker(ordersReceived);
        int payments = broker(paymentsReceived);
        busyIds.add("p-2");
        MessageForwarder forwarder = ForwardModule.open(forwarderConfig(meta(orders, payments)), Clock.systemUTC());
        servers.add(forwarder);
        List<Message> due = List.of(message("orders", "o-1"), message("payments", "p-1"), message("orders", "o-2"),
                message("payments", "p-2"));

        List<Message> forwarded = forwarder.forward(due).get(10, TimeUnit.SECONDS);

        assertThat(forwarded).extracting(m -> m.id().value()).containsExactlyInAnyOrder("o-1", "p-1", "o-2");
        assertThat(ordersReceived).containsExactlyInAnyOrder(due.get(0), due.get(2));
        assertThat(paymentsReceived).extracting(m -> m.id().value()).containsExactlyInAnyOrder("p-1", "p-2");
        assertThat(paymentsReceived.get(0).encoded()).isEqualTo(due.get(1).encoded());
        assertThat(askedTypes).containsOnly(ClientType.PRODUCER);
    }

    @Test
    void anUnreachableBrokerLeavesTheMessagesToBeTriedAgain() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        MessageForwarder forwarder = ForwardModule.open(forwarderConfig(meta(closedPort, closedPort)), Clock.systemUTC());
        servers.add(forwarder);

        List<Message> forwarded = forwarder.forward(List.of(message("orders", "o-1"))).get(10, TimeUnit.SECONDS);

        assertThat(forwarded).isEmpty();
    }

    @Test
    void aMessageInDoubtIsFoundInWhicheverGroupOfItsSubjectStoresIt() throws Exception {
        Message inFirst = message("orders", "o-1");
        Message inSecond = message("orders", "o-2");
        Message nowhere = message("orders", "o-3");
        Message retried = message("orders", "o-1", 2L); // same id, other bytes
        List<Long> sinces = new CopyOnWriteArrayList<>();
        int first = brokerStoring(List.of(inFirst), sinces);
        int second = brokerStoring(List.of(inSecond), sinces);
        MessageForwarder forwarder = ForwardModule.open(forwarderConfig(meta(Map.of("orders", List.of(first, second)))),
                Clock.systemUTC());
        servers.add(forwarder);

        StoredCheck check = forwarder.alreadyStored(List.of(inFirst, nowhere, inSecond, retried), 42L)
                .get(10, TimeUnit.SECONDS);

        assertThat(check.stored()).containsExactlyInAnyOrder(inFirst, inSecond);
        assertThat(check.unanswered()).isEmpty();
        assertThat(sinces).containsExactly(42L, 42L);
    }

    @Test
    void aGroupMadeReadOnlySinceTheForwardIsStillAsked() throws Exception {
        Message inReadOnly = message("orders", "o-1");
        Message nowhere = message("orders", "o-2");
        List<Long> sinces = new CopyOnWriteArrayList<>();
        int readOnly = brokerStoring(List.of(inReadOnly), sinces);
        int writable = brokerStoring(List.of(), sinces);
        MessageForwarder forwarder = ForwardModule.open(forwarderConfig(metaRouting(Map.of(
                readOnly, BrokerState.READ_ONLY, writable, BrokerState.READ_WRITE))), Clock.systemUTC());
        servers.add(forwarder);

        StoredCheck check = forwarder.alreadyStored(List.of(inReadOnly, nowhere), 7L).get(10, TimeUnit.SECONDS);

        assertThat(check.stored()).containsExactly(inReadOnly);
        assertThat(check.unanswered()).isEmpty();
        assertThat(sinces).containsExactly(7L, 7L);
        assertThat(askedTypes).contains(ClientType.PRODUCER, ClientType.CONSUMER);
    }

    @Test
    void aGroupThatCannotBeAskedLeavesWhatTheOthersDoNotStoreUnanswered() throws Exception {
        Message stored = message("orders", "o-1");
        Message unknown = message("orders", "o-2");
        Message ofAnUnroutedSubject = message("payments", "p-1");
        int reachable = brokerStoring(List.of(stored), new CopyOnWriteArrayList<>());
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        MessageForwarder forwarder = ForwardModule.open(forwarderConfig(meta(Map.of("orders",
                List.of(reachable, closedPort), "payments", List.of()))), Clock.systemUTC());
        servers.add(forwarder);

        StoredCheck check = forwarder.alreadyStored(List.of(stored, unknown, ofAnUnroutedSubject), 1L)
                .get(10, TimeUnit.SECONDS);

        assertThat(check.stored()).containsExactly(stored);
        assertThat(check.unanswered()).containsExactlyInAnyOrder(unknown, ofAnUnroutedSubject);
    }

    @Test
    void aBrokerThatDoesNotKnowTheRequestCountsAsStoringNone() throws Exception {
        Message candidate = message("orders", "o-1");
        int stock = broker(new CopyOnWriteArrayList<>()); // built without the find use case: answers UNKNOWN_CODE
        MessageForwarder forwarder = ForwardModule.open(forwarderConfig(meta(stock, stock)), Clock.systemUTC());
        servers.add(forwarder);

        StoredCheck check = forwarder.alreadyStored(List.of(candidate), 1L).get(10, TimeUnit.SECONDS);

        assertThat(check.stored()).isEmpty();
        assertThat(check.unanswered()).isEmpty();
    }

    @Test
    void theBodyCarriesTheStoredBytesBehindTheirCrc() {
        Message message = message("orders", "o-1");

        ByteBuf body = NettyMessageForwarder.encode(List.of(message, message));

        List<io.qmq.adapters.netty.codec.IncomingRecord> decoded = io.qmq.adapters.netty.codec.SendRequestBody.decode(body);
        assertThat(decoded).hasSize(2).allSatisfy(r ->
                assertThat(r).isInstanceOf(io.qmq.adapters.netty.codec.IncomingRecord.Accepted.class));
        body.release();
    }

    private static ForwarderConfig forwarderConfig(String metaUrl) {
        return new ForwarderConfig(URI.create(metaUrl), "test", Duration.ofSeconds(2), 50);
    }

    private String meta(int ordersPort, int paymentsPort) {
        MetaServer meta = new MetaServer(new MetaServerConfig("127.0.0.1", 0, 0, "127.0.0.1"), command -> {
            askedTypes.add(command.registration().type());
            int port = command.registration().subject().name().equals("orders") ? ordersPort : paymentsPort;
            return new RouteAnswer(1, true, List.of(new BrokerGroup("g-" + port, BrokerGroupKind.REALTIME,
                    "127.0.0.1:" + port, BrokerState.READ_WRITE, 1)));
        }, group -> group.state(), Clock.systemUTC()).start();
        servers.add(meta);
        return "http://127.0.0.1:" + meta.discoveryPort() + "/meta/address";
    }

    /** A meta server that routes each subject to the brokers on the given ports, one group each. */
    private String meta(Map<String, List<Integer>> portsBySubject) {
        MetaServer meta = new MetaServer(new MetaServerConfig("127.0.0.1", 0, 0, "127.0.0.1"), command -> {
            List<BrokerGroup> groups = portsBySubject.getOrDefault(command.registration().subject().name(), List.of())
                    .stream().map(port -> new BrokerGroup("g-" + port, BrokerGroupKind.REALTIME, "127.0.0.1:" + port,
                            BrokerState.READ_WRITE, 1)).toList();
            return new RouteAnswer(1, true, groups);
        }, group -> group.state(), Clock.systemUTC()).start();
        servers.add(meta);
        return "http://127.0.0.1:" + meta.discoveryPort() + "/meta/address";
    }

    /**
     * A meta server that routes every subject to the brokers on the given ports in the given states,
     * answering each client type only the groups it may use, as the real one does: producers never see
     * a read-only group.
     */
    private String metaRouting(Map<Integer, BrokerState> stateByPort) {
        MetaServer meta = new MetaServer(new MetaServerConfig("127.0.0.1", 0, 0, "127.0.0.1"), command -> {
            ClientType type = command.registration().type();
            askedTypes.add(type);
            List<BrokerGroup> groups = stateByPort.entrySet().stream().filter(e -> type.canUse(e.getValue()))
                    .map(e -> new BrokerGroup("g-" + e.getKey(), BrokerGroupKind.REALTIME, "127.0.0.1:" + e.getKey(),
                            e.getValue(), 1)).toList();
            return new RouteAnswer(1, true, groups);
        }, group -> group.state(), Clock.systemUTC()).start();
        servers.add(meta);
        return "http://127.0.0.1:" + meta.discoveryPort() + "/meta/address";
    }

    /** A broker whose store holds {@code holds}; it records the 'since' of every find it is asked. */
    private int brokerStoring(List<Message> holds, List<Long> sinces) {
        BrokerServer broker = new BrokerServer(BrokerServerConfig.listeningOn("127.0.0.1", 0),
                command -> new CompletableFuture<>(), pull -> new CompletableFuture<>(), ack -> { }, command -> {
                    sinces.add(command.since());
                    return command.candidates().stream().filter(holds::contains).toList();
                }).start();
        servers.add(broker);
        return broker.port();
    }

    private int broker(List<Message> received) {
        BrokerServer broker = new BrokerServer(BrokerServerConfig.listeningOn("127.0.0.1", 0), command -> {
            received.addAll(command.messages());
            return CompletableFuture.completedFuture(command.messages().stream()
                    .map(m -> busyIds.contains(m.id().value()) ? new SendResult(m.id(), SendStatus.BUSY, "busy")
                            : SendResult.stored(m.id()))
                    .toList());
        }, pull -> new CompletableFuture<>(), ack -> { }).start();
        servers.add(broker);
        return broker.port();
    }

    private static Message message(String subject, String id) {
        return message(subject, id, 1L);
    }

    private static Message message(String subject, String id, long createdAt) {
        long dueAt = 1_700_000_000_000L;
        MessageRecord record = new MessageRecord((byte) (MessageFlags.DELAY | MessageFlags.TAGS), createdAt, dueAt, subject, id, List.of("t"),
                Map.of("qmq_createTime", "1", "k", "v"));
        ByteBuf buf = Unpooled.buffer();
        record.encode(buf);
        byte[] encoded = new byte[buf.readableBytes()];
        buf.readBytes(encoded);
        buf.release();
        return new Message(Subject.of(subject), MessageId.of(id), Tags.of(List.of("t")), new MessageFlags((byte) (MessageFlags.DELAY | MessageFlags.TAGS)),
                createdAt, dueAt, encoded);
    }
}

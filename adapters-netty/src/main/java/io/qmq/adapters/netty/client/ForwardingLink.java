package io.qmq.adapters.netty.client;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.qmq.adapters.netty.codec.CommandCode;
import io.qmq.adapters.netty.codec.FindStoredResponseBody;
import io.qmq.adapters.netty.codec.ResponseCode;
import io.qmq.adapters.netty.codec.SendResponseBody;
import io.qmq.domain.cluster.ClientType;
import io.qmq.domain.message.Subject;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The client's routing and connections for a server that passes on records already encoded by their
 * producers (the delay server forwarding due messages): producer (type 1) routes from the meta server
 * (consumer ones too, to find which groups may store a message) and pipelined SEND_MESSAGE requests with a body the caller encoded, without the producer's queue,
 * retries or message ids. The caller decides what to do with failures.
 *
 * <p>It owns one I/O event loop and a meta thread; {@link #close()} releases them.
 */
public final class ForwardingLink implements AutoCloseable {

    private static final int EVENT_LOOP_THREADS = 1;

    private final EventLoopGroup eventLoops;
    private final ScheduledExecutorService metaThread;
    private final BrokerConnections connections;
    private final MetaClient meta;
    private final RouteTable routes;

    private ForwardingLink(QmqClientConfig config, Clock clock) {
        this.eventLoops = new NioEventLoopGroup(EVENT_LOOP_THREADS, new DefaultThreadFactory("qmq-forward-io", true));
        this.metaThread = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("qmq-forward-meta", true));
        this.connections = new BrokerConnections(eventLoops, config);
        this.routes = new RouteTable(() -> ThreadLocalRandom.current().nextInt(1 << 16));
        this.meta = new MetaClient(eventLoops, routes, metaThread, config, clock);
    }

    /** Opens a link that asks the meta server of {@code config} for routes. */
    public static ForwardingLink open(QmqClientConfig config, Clock clock) {
        ForwardingLink link = new ForwardingLink(config, clock);
        link.meta.start();
        return link;
    }

    /**
     * The {@code host:port} of the master of the next writable realtime group of the subject (round
     * robin), once the meta server answered; empty if it listed none.
     */
    public CompletableFuture<Optional<String>> producerBroker(Subject subject) {
        return meta.route(ClientType.PRODUCER, subject, "").thenApply(route -> route.nextWritable().map(BrokerRoute::address));
    }

    /**
     * The {@code host:port} of the master of every realtime group that may store the subject's messages,
     * once the meta server answered: those of its producer route (the writable groups) and of its
     * consumer route, which keeps the groups an operator made read-only (consumers still drain them).
     * Empty if both listed none. Asking for the consumer route registers this link as a consumer of the
     * subject without a consumer group.
     */
    public CompletableFuture<List<String>> storingBrokers(Subject subject) {
        CompletableFuture<Route> writable = meta.route(ClientType.PRODUCER, subject, "");
        CompletableFuture<Route> readable = meta.route(ClientType.CONSUMER, subject, "");
        return writable.thenCombine(readable, (w, r) -> Stream.concat(w.groups().stream(), r.groups().stream())
                .map(BrokerRoute::address).distinct().toList());
    }

    /** Asks the meta server again for the subject's producer and consumer routes, after a lookup found no broker. */
    public void refreshStoringRoutes(Subject subject) {
        meta.refresh(ClientType.PRODUCER, subject);
        meta.refresh(ClientType.CONSUMER, subject);
    }

    /** Asks the meta server again for the subject's producer route, after a broker failed us. */
    public void refreshRoute(Subject subject) {
        meta.refresh(ClientType.PRODUCER, subject);
    }

    /**
     * Sends a SEND_MESSAGE whose body (records with their crc, taken over by this call) the caller
     * encoded. Completes with the per-message failure codes by message id: an id not listed was stored.
     * Completes exceptionally when no answer came in {@code timeout}, or when the broker refused the
     * whole request (a header code other than success).
     */
    public CompletableFuture<Map<String, Integer>> send(String address, ByteBuf body, Duration timeout) {
        return connections.to(address).request(CommandCode.SEND_MESSAGE, body, timeout, frame -> {
            int code = frame.header().code();
            if (code != ResponseCode.SUCCESS) {
                throw TransportException.refused(address, "header code " + code);
            }
            Map<String, Integer> failures = new HashMap<>();
            for (SendResponseBody.Failure failure : SendResponseBody.decode(frame.body()).failures()) {
                failures.put(failure.messageId(), failure.code());
            }
            return failures;
        });
    }

    /**
     * Sends our FIND_STORED_MESSAGES with a body the caller encoded (taken over by this call). Completes
     * with the places of the candidates the broker stores; exceptionally when no answer came in
     * {@code timeout} or the broker could not tell (a header code other than success). A broker that
     * does not know the request (UNKNOWN_CODE: a stock QMQ broker) never will, so asking again cannot
     * help: that answer counts as "none stored", and a message in doubt is forwarded again as before
     * this request existed (such a broker's own duplicate window is all that guards it).
     */
    public CompletableFuture<List<Integer>> findStored(String address, ByteBuf body, Duration timeout) {
        return connections.to(address).request(CommandCode.FIND_STORED_MESSAGES, body, timeout, frame -> {
            int code = frame.header().code();
            if (code == ResponseCode.UNKNOWN_CODE) {
                return List.of();
            }
            if (code != ResponseCode.SUCCESS) {
                throw TransportException.refused(address, "header code " + code);
            }
            return FindStoredResponseBody.decode(frame.body()).storedIndexes();
        });
    }

    @Override
    public void close() {
        metaThread.shutdownNow();
        connections.close();
        meta.close();
        eventLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}

package io.qmq.adapters.netty.client;

import io.netty.channel.EventLoopGroup;
import io.qmq.adapters.netty.codec.ClientRegisterRequestBody;
import io.qmq.adapters.netty.codec.MetaInfoResponseBody;
import io.qmq.domain.cluster.BrokerState;
import io.qmq.domain.cluster.ClientType;
import io.qmq.domain.message.Subject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers this client's subjects with the meta server and keeps the {@link RouteTable} current
 * (§3): a CLIENT_REGISTER on first use of a (client type, subject, group) with requestType 1, then
 * requestType 2 on every refresh (periodic, on trouble, and every second while a key still has no
 * answer). All requests go out on the meta thread, so callers on event loops never block.
 */
final class MetaClient {

    private static final Logger LOG = LoggerFactory.getLogger(MetaClient.class);
    private static final String ONLINE = "1";
    private static final String HEARTBEAT = "2";
    private static final long UNANSWERED_RESEND_MILLIS = 1000;

    /** One key the client asked about; consumer group is empty for producers. */
    record Registration(ClientType type, Subject subject, String group) {
        RouteKey routeKey() {
            return new RouteKey(type, subject);
        }
    }

    private final MetaConnection connection;
    private final RouteTable routes;
    private final ScheduledExecutorService metaThread;
    private final QmqClientConfig config;
    private final Set<Registration> registered = ConcurrentHashMap.newKeySet();
    private final ConsumerPresence presence = new ConsumerPresence();

    MetaClient(EventLoopGroup eventLoops, RouteTable routes, ScheduledExecutorService metaThread, QmqClientConfig config,
               Clock clock) {
        this.connection = new MetaConnection(new MetaAddressLookup(config.metaServer()), eventLoops, config, clock,
                this::onAnswer);
        this.routes = routes;
        this.metaThread = metaThread;
        this.config = config;
    }

    void start() {
        long refresh = config.routeRefreshInterval().toMillis();
        metaThread.scheduleWithFixedDelay(this::refreshAll, refresh, refresh, TimeUnit.MILLISECONDS);
        metaThread.scheduleWithFixedDelay(this::resendUnanswered, UNANSWERED_RESEND_MILLIS,
                UNANSWERED_RESEND_MILLIS, TimeUnit.MILLISECONDS);
    }

    void close() {
        connection.close();
    }

    /** The route for a key, once the meta server answered for it; registers the key on first use. */
    CompletableFuture<Route> route(ClientType type, Subject subject, String group) {
        Registration registration = new Registration(type, subject, group == null ? "" : group);
        if (registered.add(registration)) {
            onMetaThread(() -> send(registration));
        }
        return routes.await(registration.routeKey());
    }

    /** Whether the meta server lets this consumer group pull the subject (or its retry subject). */
    boolean isOnline(Subject subject, String group) {
        return presence.isOnline(subject, group);
    }

    /** Asks again for a key after trouble (a rejected request, a failed ack). */
    void refresh(ClientType type, Subject subject) {
        RouteKey key = new RouteKey(type, subject);
        onMetaThread(() -> registered.stream().filter(r -> r.routeKey().equals(key)).forEach(this::send));
    }

    private void onMetaThread(Runnable task) {
        try {
            metaThread.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("client closed; meta request dropped");
        }
    }

    /** Applies an answer (called on the event loop): filters groups for the client type, as §3.4 says. */
    void onAnswer(MetaInfoResponseBody answer) {
        try {
            RouteKey key = new RouteKey(ClientType.ofCode(answer.clientTypeCode()), Subject.of(answer.subject()));
            // presence first: a route update may start a consumer's pulls at once, and an offline
            // consumer must not pull even once
            presence.onAnswer(answer, key.subject());
            routes.update(key, usableGroups(key.type(), answer.groups()));
        } catch (IllegalArgumentException e) { // an invalid subject or an unknown client type or state code
            LOG.warn("ignoring meta answer for {} (type {}): {}", answer.subject(), answer.clientTypeCode(), e.getMessage());
        }
    }

    static List<BrokerRoute> usableGroups(ClientType type, List<MetaInfoResponseBody.Group> groups) {
        List<BrokerRoute> usable = new ArrayList<>();
        for (MetaInfoResponseBody.Group group : groups) {
            BrokerState state = BrokerState.ofCode(group.state());
            if (!group.name().isEmpty() && !group.master().isEmpty() && type.canUse(state)) {
                usable.add(new BrokerRoute(group.name(), group.master()));
            }
        }
        return usable;
    }

    private void refreshAll() {
        registered.forEach(this::send);
    }

    private void resendUnanswered() {
        registered.stream().filter(r -> routes.current(r.routeKey()).isEmpty()).forEach(this::send);
    }

    private void send(Registration registration) {
        boolean answeredBefore = routes.current(registration.routeKey()).isPresent();
        ClientRegisterRequestBody request = new ClientRegisterRequestBody(Map.of(
                ClientRegisterRequestBody.SUBJECT, registration.subject().name(),
                ClientRegisterRequestBody.CLIENT_TYPE_CODE, Integer.toString(registration.type().code()),
                ClientRegisterRequestBody.APP_CODE, config.appCode(),
                ClientRegisterRequestBody.CLIENT_ID, config.clientId(),
                ClientRegisterRequestBody.CONSUMER_GROUP, registration.group(),
                ClientRegisterRequestBody.REQUEST_TYPE, answeredBefore ? HEARTBEAT : ONLINE));
        try {
            if (!connection.send(request)) {
                LOG.debug("meta request for {} not sent; retrying later", registration);
            }
        } catch (RuntimeException e) {
            // a periodic task that throws is never run again: keep the meta thread alive
            LOG.warn("meta request for {} failed: {}", registration, e.toString());
        }
    }
}

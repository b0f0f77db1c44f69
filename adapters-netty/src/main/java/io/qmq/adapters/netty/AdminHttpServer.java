package io.qmq.adapters.netty;

import io.qmq.adapters.netty.handler.AdminChannelInitializer;
import io.qmq.application.port.in.AdministerClusterUseCase;
import io.qmq.application.port.in.InspectSchedulesUseCase;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delay node's and meta server's admin endpoint over HTTP, for operators and the {@code qmq admin} command. Every
 * request carries the configured token in {@value #TOKEN_HEADER}; a missing or wrong one is answered
 * 401. Answers are JSON objects ({@code {"error": "..."}} for failures):
 *
 * <ul>
 *   <li>{@code GET /delay/pending/count?subject=S&from=T&to=T} counts pending messages of S due in
 *       {@code [from, to)}; times are ISO-8601 instants or epoch milliseconds, {@code from} defaults
 *       to the epoch and {@code to} to the far future: {@code {"subject":..,"from":..,"to":..,"pending":n}}</li>
 *   <li>{@code GET /delay/messages/<id>} shows the pending messages with that id:
 *       {@code {"id":..,"messages":[{"subject":..,"dueAt":..,"scheduleId":..,"bytes":..}]}}, 404 if none</li>
 *   <li>{@code DELETE /delay/messages/<id>} cancels them: {@code {"id":..,"cancelled":n}}, 404 if none
 *       was pending</li>
 * </ul>
 *
 * On a meta server (given an {@link AdministerClusterUseCase}) it also serves the cluster requests;
 * unknown groups and subjects are answered 404, bad input 400, a conflicting change 409:
 *
 * <ul>
 *   <li>{@code GET /cluster/groups}: {@code {"groups":[{"name","kind","address","state","readOnly","updatedAt"}]}}</li>
 *   <li>{@code POST /cluster/groups?name=G&address=host:port&kind=realtime|delay} registers a group by hand</li>
 *   <li>{@code DELETE /cluster/groups/<G>} removes it (409 while subjects are routed to it)</li>
 *   <li>{@code POST /cluster/groups/<G>/readonly} and {@code .../writable} set or clear the read-only mark</li>
 *   <li>{@code GET /cluster/subjects}: {@code {"subjects":[{"subject","groups":[..]}]}}</li>
 *   <li>{@code PUT /cluster/subjects/<S>?groups=a,b} assigns or moves the subject to exactly those groups</li>
 *   <li>{@code GET /cluster/consumers[?subject=S]}:
 *       {@code {"consumerGroups":[{"subject","consumerGroup","consumers":[{"clientId","appCode","lastSeenAt","online"}]}]}}</li>
 * </ul>
 *
 * Store reads may block, so requests run on a small pool of the server's own, never on the event loop.
 */
public final class AdminHttpServer implements AutoCloseable {

    public static final String TOKEN_HEADER = "X-Admin-Token";
    private static final Logger LOG = LoggerFactory.getLogger(AdminHttpServer.class);
    private static final int IO_THREADS = 1;

    private final AdminServerConfig config;
    private final Optional<InspectSchedulesUseCase> schedules;
    private final Optional<AdministerClusterUseCase> cluster;
    private ExecutorService pool;
    private TcpEndpoint endpoint;

    /** A delay node's endpoint: the {@code /delay/...} requests. */
    public AdminHttpServer(AdminServerConfig config, InspectSchedulesUseCase schedules) {
        this(config, Optional.of(schedules), Optional.empty());
    }

    /** A meta server's endpoint: the {@code /cluster/...} requests. */
    public AdminHttpServer(AdminServerConfig config, AdministerClusterUseCase cluster) {
        this(config, Optional.empty(), Optional.of(cluster));
    }

    /** A node that is both (standalone): every request. */
    public AdminHttpServer(AdminServerConfig config, Optional<InspectSchedulesUseCase> schedules,
                           Optional<AdministerClusterUseCase> cluster) {
        this.config = config;
        this.schedules = schedules;
        this.cluster = cluster;
    }

    /** Binds the configured address; throws {@link ServerStartException} if it cannot. */
    public synchronized AdminHttpServer start() {
        if (endpoint != null) {
            throw new IllegalStateException("admin server was already started");
        }
        pool = BlockingWorkPool.start("qmq-admin");
        endpoint = TcpEndpoint.bind("qmq-admin", config.bindHost(), config.port(), IO_THREADS,
                new AdminChannelInitializer(config.token(), schedules, cluster, Clock.systemUTC(), pool));
        LOG.info("admin endpoint listening on {}:{}", config.bindHost(), endpoint.port());
        return this;
    }

    public synchronized int port() {
        if (endpoint == null) {
            throw new IllegalStateException("admin server is not started");
        }
        return endpoint.port();
    }

    @Override
    public synchronized void close() {
        if (endpoint != null) {
            endpoint.close();
            BlockingWorkPool.stop(pool);
            endpoint = null;
        }
    }
}

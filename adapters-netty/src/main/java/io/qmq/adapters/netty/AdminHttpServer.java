package io.qmq.adapters.netty;

import io.qmq.adapters.netty.handler.AdminChannelInitializer;
import io.qmq.application.port.in.InspectSchedulesUseCase;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delay node's admin endpoint over HTTP, for operators and the {@code qmq admin} command. Every
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
 * Store reads may block, so requests run on a small pool of the server's own, never on the event loop.
 */
public final class AdminHttpServer implements AutoCloseable {

    public static final String TOKEN_HEADER = "X-Admin-Token";
    private static final Logger LOG = LoggerFactory.getLogger(AdminHttpServer.class);
    private static final int IO_THREADS = 1;

    private final AdminServerConfig config;
    private final InspectSchedulesUseCase schedules;
    private ExecutorService pool;
    private TcpEndpoint endpoint;

    public AdminHttpServer(AdminServerConfig config, InspectSchedulesUseCase schedules) {
        this.config = config;
        this.schedules = schedules;
    }

    /** Binds the configured address; throws {@link ServerStartException} if it cannot. */
    public synchronized AdminHttpServer start() {
        if (endpoint != null) {
            throw new IllegalStateException("admin server was already started");
        }
        pool = BlockingWorkPool.start("qmq-admin");
        endpoint = TcpEndpoint.bind("qmq-admin", config.bindHost(), config.port(), IO_THREADS,
                new AdminChannelInitializer(config.token(), schedules, pool));
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

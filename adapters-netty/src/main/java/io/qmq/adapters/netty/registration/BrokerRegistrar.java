package io.qmq.adapters.netty.registration;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.qmq.adapters.netty.client.MetaAddressLookup;
import io.qmq.adapters.netty.codec.BacklogReportRequestBody;
import io.qmq.adapters.netty.codec.BrokerRegisterRequestBody;
import io.qmq.application.port.in.Backlog;
import io.qmq.application.port.in.ReportBacklogUseCase;
import io.qmq.application.service.BrokerAvailability;
import io.qmq.domain.cluster.BrokerState;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this broker registered with the meta server: ONLINE once it is ready, then a HEARTBEAT every
 * interval, and OFFLINE on a clean shutdown. Each answer is the state the meta server wants the broker
 * in (read-only when an operator marked the group), applied to {@link BrokerAvailability}.
 *
 * <p>The broker reports itself read-write always: it has no reason of its own to refuse sends (no
 * replication lag), and reporting back a read-only mark would keep the mark after the operator lifts it.
 *
 * <p>When the meta server cannot be reached the broker keeps serving in its last state and keeps trying
 * every interval, discovering the meta server afresh each time; one warning per outage, one line when it
 * ends. Until the first ONLINE is answered, later attempts are ONLINE too.
 *
 * <p>A realtime broker follows each answered heartbeat with a report of its subscriptions' backlogs,
 * which the meta server keeps for operators. A report that fails is not retried: the next one, an
 * interval later, replaces it. One warning while reports fail, one line when they get through again.
 *
 * <p>Thread ownership: every exchange runs on the registrar's single thread.
 */
public final class BrokerRegistrar implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerRegistrar.class);
    private static final long STOP_WAIT_SECONDS = 5;
    /** Discovery (three tries), connect and answer are each bounded; this bounds them all. */
    private static final long FIRST_REPORT_WAIT_SECONDS = 15;

    private final RegistrationConfig config;
    private final BrokerAvailability availability;
    private final EventLoopGroup eventLoop;
    private final ScheduledExecutorService thread;
    private final MetaLink link;
    private final Optional<ReportBacklogUseCase> backlogs;
    private boolean online;
    private boolean failing;
    private boolean reportFailing;
    private boolean started;

    /** A registrar that reports no backlogs, as for a delay server, which has no consumers. */
    public BrokerRegistrar(RegistrationConfig config, BrokerAvailability availability) {
        this(config, availability, Optional.empty());
    }

    /** A registrar that reports the broker's backlogs after each heartbeat. */
    public BrokerRegistrar(RegistrationConfig config, BrokerAvailability availability, ReportBacklogUseCase backlogs) {
        this(config, availability, Optional.of(backlogs));
    }

    private BrokerRegistrar(RegistrationConfig config, BrokerAvailability availability,
                            Optional<ReportBacklogUseCase> backlogs) {
        this.config = config;
        this.availability = availability;
        this.backlogs = backlogs;
        this.eventLoop = new NioEventLoopGroup(1, new DefaultThreadFactory("qmq-registrar-io", true));
        this.thread = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("qmq-registrar", true));
        this.link = new MetaLink(new MetaAddressLookup(config.metaServer()), eventLoop, config.requestTimeout());
    }

    /**
     * Called once the broker serves clients: registers now and returns when the meta server answered or
     * the attempt failed (so a node that says it is ready is already on clients' routes when it can be),
     * then heartbeats in the background.
     */
    public synchronized BrokerRegistrar start() {
        if (started) {
            throw new IllegalStateException("broker registrar was already started");
        }
        started = true;
        LOG.info("registering broker group {} at {} with the meta server found at {}", config.groupName(),
                config.advertisedAddress(), config.metaServer());
        awaitFirstReport(thread.submit(this::report));
        long interval = config.heartbeatInterval().toMillis();
        thread.scheduleWithFixedDelay(this::report, interval, interval, TimeUnit.MILLISECONDS);
        return this;
    }

    private static void awaitFirstReport(Future<?> first) {
        try {
            first.get(FIRST_REPORT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            LOG.warn("first registration still unanswered after {} s; carrying on in the background", FIRST_REPORT_WAIT_SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("first registration with the meta server failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One report; never throws, since a periodic task that throws is never run again. */
    private void report() {
        try {
            if (exchange()) {
                backlogs.ifPresent(this::reportBacklogs);
            }
        } catch (RuntimeException e) {
            LOG.warn("registration of broker group {} failed unexpectedly; trying again next period", config.groupName(), e);
        }
    }

    /** Registers or heartbeats; answers whether the meta server answered. */
    private boolean exchange() {
        int type = online ? BrokerRegisterRequestBody.HEARTBEAT : BrokerRegisterRequestBody.ONLINE;
        try {
            BrokerState wanted = link.exchange(request(type));
            online = true;
            apply(wanted);
            if (failing) {
                failing = false;
                LOG.info("meta server {} reachable again; broker group {} is {}", link.address(), config.groupName(), wanted);
            }
            return true;
        } catch (MetaUnreachableException e) {
            if (!failing) {
                failing = true;
                LOG.warn("cannot register broker group {}: {}; serving as {} and retrying every {}", config.groupName(),
                        e.getMessage(), availability.state(), config.heartbeatInterval());
            }
            return false;
        }
    }

    private void reportBacklogs(ReportBacklogUseCase source) {
        BacklogReportRequestBody report = BacklogReportRequestBody.of(config.groupName(), entries(source.backlogs()));
        try {
            link.report(report);
            if (reportFailing) {
                reportFailing = false;
                LOG.info("backlog reports of broker group {} reach the meta server again", config.groupName());
            }
        } catch (MetaUnreachableException e) {
            if (!reportFailing) {
                reportFailing = true;
                LOG.warn("cannot report the backlogs of broker group {}: {}; trying again every {}", config.groupName(),
                        e.getMessage(), config.heartbeatInterval());
            }
        }
    }

    private static List<BacklogReportRequestBody.Entry> entries(List<Backlog> backlogs) {
        return backlogs.stream().map(b -> new BacklogReportRequestBody.Entry(b.subscription().subject().name(),
                b.subscription().group().name(), b.undelivered(), b.unacknowledged())).toList();
    }

    private void apply(BrokerState wanted) {
        BrokerState before = availability.state();
        if (before != wanted) {
            availability.update(wanted);
            LOG.info("meta server puts broker group {} in state {} (was {})", config.groupName(), wanted, before);
        }
    }

    private BrokerRegisterRequestBody request(int type) {
        return new BrokerRegisterRequestBody(type, config.groupName(), config.advertisedAddress(), config.role().code(),
                BrokerState.READ_WRITE.code());
    }

    /** Stops heartbeating and tells the meta server this broker goes offline (one attempt, bounded). */
    @Override
    public synchronized void close() {
        if (thread.isShutdown()) {
            return;
        }
        if (started) {
            thread.execute(this::goOffline);
        }
        thread.shutdown();
        try {
            if (!thread.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("broker registrar did not stop within {} s", STOP_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        eventLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    private void goOffline() {
        try {
            link.exchange(request(BrokerRegisterRequestBody.OFFLINE));
            LOG.info("broker group {} reported offline to the meta server", config.groupName());
        } catch (MetaUnreachableException e) {
            LOG.warn("could not report broker group {} offline: {}", config.groupName(), e.getMessage());
        } finally {
            link.close();
        }
    }
}

package io.qmq.bootstrap;

import io.qmq.application.service.MarkSilentBrokersOfflineService;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On a meta server, marks broker groups offline once their heartbeats stop, on a thread of its own. A
 * failed run (the database away) is logged and the next one still happens: a scheduled task that throws
 * is never run again, which would leave dead brokers on clients' routes for good.
 */
final class SilentBrokerSweep implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SilentBrokerSweep.class);

    private final MarkSilentBrokersOfflineService service;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread named = new Thread(runnable, "qmq-silent-brokers");
        named.setDaemon(true);
        return named;
    });

    private SilentBrokerSweep(MarkSilentBrokersOfflineService service) {
        this.service = service;
    }

    /** Checks every {@code every}, which should be well below the heartbeat timeout. */
    static SilentBrokerSweep start(MarkSilentBrokersOfflineService service, Duration every) {
        SilentBrokerSweep sweep = new SilentBrokerSweep(service);
        sweep.thread.scheduleWithFixedDelay(sweep, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return sweep;
    }

    @Override
    public void run() {
        try {
            int marked = service.markSilentGroupsOffline();
            if (marked > 0) {
                LOG.info("marked {} silent broker groups offline", marked);
            }
        } catch (RuntimeException e) {
            LOG.warn("sweep for silent broker groups failed; trying again next period", e);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}

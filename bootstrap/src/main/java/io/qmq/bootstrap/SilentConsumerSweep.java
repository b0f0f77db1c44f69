package io.qmq.bootstrap;

import io.qmq.application.service.RedeliverSilentConsumersService;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the redelivery of silent consumers' un-acknowledged messages at a fixed delay. A failed run is
 * logged and the next one still happens: a scheduled task that throws is never run again, which
 * would silently strand every message a crashed consumer held.
 */
final class SilentConsumerSweep implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(SilentConsumerSweep.class);

    private final RedeliverSilentConsumersService service;

    private SilentConsumerSweep(RedeliverSilentConsumersService service) {
        this.service = service;
    }

    static void schedule(RedeliverSilentConsumersService service, ScheduledExecutorService scheduler, Duration every) {
        scheduler.scheduleWithFixedDelay(new SilentConsumerSweep(service), every.toMillis(), every.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void run() {
        try {
            int consumers = service.redeliverSilentConsumers();
            if (consumers > 0) {
                LOG.info("redelivered the un-acknowledged messages of {} silent consumers", consumers);
            }
        } catch (RuntimeException e) {
            LOG.warn("sweep for silent consumers failed; trying again next period", e);
        }
    }
}

package io.qmq.adapters.netty.codec;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Fails a test when Netty's leak detector reports a buffer that was garbage-collected unreleased.
 * Surefire runs with paranoid detection; after each test this forces collection and a few tracked
 * allocations, which is when the detector reports what it found.
 */
public final class LeakReportsFail implements AfterEachCallback {

    private static final List<String> REPORTS = new CopyOnWriteArrayList<>();
    private static final int PROVOKE_ROUNDS = 3;
    private static final long SETTLE_MILLIS = 20;

    static {
        Logger logger = (Logger) LoggerFactory.getLogger(ResourceLeakDetector.class);
        AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                if (event.getFormattedMessage().contains("LEAK")) {
                    REPORTS.add(event.getFormattedMessage());
                }
            }
        };
        appender.setContext(logger.getLoggerContext());
        appender.start();
        logger.addAppender(appender);
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        for (int i = 0; i < PROVOKE_ROUNDS; i++) {
            System.gc();
            Thread.sleep(SETTLE_MILLIS);
            ByteBuf probe = ByteBufAllocator.DEFAULT.buffer(1);
            probe.release();
        }
        if (!REPORTS.isEmpty()) {
            List<String> found = new ArrayList<>(REPORTS);
            REPORTS.clear();
            throw new AssertionError("Netty reported " + found.size() + " leak(s):\n" + String.join("\n", found));
        }
    }
}

package io.qmq.adapters.netty;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/** Collects the WARN lines the adapter logs, so tests can count them per incident. */
final class WarningLog extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger("io.qmq.adapters.netty");

    WarningLog() {
        setContext(logger.getLoggerContext());
        start();
        logger.addAppender(this);
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (event.getLevel() == Level.WARN) {
            lines.add(event.getFormattedMessage());
        }
    }

    /** The lines logged so far, and forgets them. */
    List<String> drain() {
        List<String> copy = List.copyOf(lines);
        lines.clear();
        return copy;
    }

    @Override
    public void close() {
        logger.detachAppender(this);
        stop();
    }
}

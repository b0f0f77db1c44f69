package io.qmq.application.port.out;

import io.qmq.application.fixtures.InMemoryMessageLog;
import java.time.Clock;

class InMemoryMessageLogTest extends MessageLogContract {

    private InMemoryMessageLog current;

    @Override
    protected MessageLog open() {
        current = current == null ? new InMemoryMessageLog(Clock.systemUTC()) : current.reopen();
        return current;
    }
}

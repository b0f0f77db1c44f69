package io.qmq.application.service;

import io.qmq.application.port.out.LogChunk;
import io.qmq.application.port.out.ReplicaMark;
import io.qmq.application.port.out.ReplicationSource;
import java.time.Duration;

/** A master's log that is only an end position the test moves; it serves nothing. */
final class FakeReplicationSource implements ReplicationSource {

    volatile long end;

    @Override
    public long committedEnd() {
        return end;
    }

    @Override
    public void verify(ReplicaMark replica) {
    }

    @Override
    public LogChunk read(long position, int maxBytes, Duration wait) {
        return new LogChunk(position, new byte[0], end);
    }
}

package io.qmq.adapters.filestore;

import io.qmq.adapters.filestore.pull.ActionLog;
import io.qmq.adapters.filestore.pull.StateSnapshot;
import io.qmq.application.port.out.ConsumerProgressReplica;
import io.qmq.application.port.out.MessageLogException;
import io.qmq.application.port.out.ReplicaChunkException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A slave's copy of its master's consumer progress: each snapshot replaces the last as the pull log's
 * starting point ({@link ActionLog#seed}), checked by decoding it first. A slave's pull log records no
 * actions, so the promoted broker's pull log recovers exactly the copied state. If the directory holds
 * actions of its own (it served consumers before), they win and copies are not written.
 */
final class FileConsumerProgressReplica implements ConsumerProgressReplica {

    private static final Logger LOG = LoggerFactory.getLogger(FileConsumerProgressReplica.class);

    private final Path pullsDir;
    private boolean warned;

    FileConsumerProgressReplica(Path pullsDir) {
        this.pullsDir = pullsDir;
    }

    @Override
    public synchronized void save(byte[] snapshot) {
        try {
            StateSnapshot.decode(ByteBuffer.wrap(snapshot));
        } catch (IOException | RuntimeException e) {
            throw new ReplicaChunkException("consumer progress from the master does not decode: " + e.getMessage());
        }
        try {
            if (!ActionLog.seed(pullsDir, ByteBuffer.wrap(snapshot)) && !warned) {
                warned = true;
                LOG.warn("{} holds pull-log actions of its own; the master's consumer progress is not copied there",
                        pullsDir);
            }
        } catch (IOException e) {
            throw new MessageLogException("cannot write the copy of the master's consumer progress in " + pullsDir, e);
        }
    }
}
